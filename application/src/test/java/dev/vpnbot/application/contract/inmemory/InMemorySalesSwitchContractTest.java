package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractSalesSwitchContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemorySalesSwitch;

/** The sales switch contract against application's in-memory fixture. */
class InMemorySalesSwitchContractTest extends AbstractSalesSwitchContractTest {
    InMemorySalesSwitchContractTest() {
        super(Persistence::inMemory, p -> new InMemorySalesSwitch());
    }
}
