package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractTariffLimitBookContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryTariffLimits;

/** The {@code TariffLimitBook} contract against application's in-memory fixture. */
class InMemoryTariffLimitBookContractTest extends AbstractTariffLimitBookContractTest {
    InMemoryTariffLimitBookContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryTariffLimits(ports.tariffs()));
    }
}
