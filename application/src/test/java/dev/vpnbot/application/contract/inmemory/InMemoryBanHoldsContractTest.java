package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractBanHoldsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryBanHolds;

/** The ban holds contract against the in-memory fixture. */
class InMemoryBanHoldsContractTest extends AbstractBanHoldsContractTest {
    InMemoryBanHoldsContractTest() {
        super(Persistence::inMemory, p -> new InMemoryBanHolds());
    }
}
