package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractTariffsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code Tariffs} contract against application's in-memory fixture. */
class InMemoryTariffsContractTest extends AbstractTariffsContractTest {
    InMemoryTariffsContractTest() {
        super(Persistence::inMemory);
    }
}
