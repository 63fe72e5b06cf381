package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractOrderNoticesContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code OrderNotices} contract against application's in-memory fixture. */
class InMemoryOrderNoticesContractTest extends AbstractOrderNoticesContractTest {
    InMemoryOrderNoticesContractTest() {
        super(Persistence::inMemory);
    }
}
