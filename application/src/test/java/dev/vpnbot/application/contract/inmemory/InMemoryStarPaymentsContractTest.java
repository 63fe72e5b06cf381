package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractStarPaymentsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code StarPayments} contract against application's in-memory fixture. */
class InMemoryStarPaymentsContractTest extends AbstractStarPaymentsContractTest {
    InMemoryStarPaymentsContractTest() {
        super(Persistence::inMemory);
    }
}
