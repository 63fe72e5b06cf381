package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractTransactionsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code Transactions} contract against application's in-memory fixture. */
class InMemoryTransactionsContractTest extends AbstractTransactionsContractTest {
    InMemoryTransactionsContractTest() {
        super(Persistence::inMemory);
    }
}
