package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractOrdersContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code Orders} contract against application's in-memory fixture. */
class InMemoryOrdersContractTest extends AbstractOrdersContractTest {
    InMemoryOrdersContractTest() {
        super(Persistence::inMemory);
    }
}
