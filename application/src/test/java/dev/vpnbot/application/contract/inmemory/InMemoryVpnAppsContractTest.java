package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractVpnAppsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryVpnApps;

/** The app list contract against the in-memory fixture. */
class InMemoryVpnAppsContractTest extends AbstractVpnAppsContractTest {
    InMemoryVpnAppsContractTest() {
        super(Persistence::inMemory, p -> InMemoryVpnApps.seeded());
    }
}
