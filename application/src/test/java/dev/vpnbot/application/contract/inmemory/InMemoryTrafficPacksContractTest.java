package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractTrafficPacksContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryTrafficPacks;

/** The {@code TrafficPacks} contract against application's in-memory fixture. */
class InMemoryTrafficPacksContractTest extends AbstractTrafficPacksContractTest {
    InMemoryTrafficPacksContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryTrafficPacks(ports.tariffs()));
    }
}
