package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractNewKeysContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryNewKeys;
import dev.vpnbot.application.fixtures.InMemorySentNotifications;

/** The {@code NewKeys} contract against application's in-memory fixture. */
class InMemoryNewKeysContractTest extends AbstractNewKeysContractTest {
    InMemoryNewKeysContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryNewKeys((InMemoryKeys) ports.keys(), (InMemorySentNotifications) ports.sentNotifications()));
    }
}
