package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractLinkResetsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryLinkResets;

/** The {@code LinkResets} contract against application's in-memory fixture. */
class InMemoryLinkResetsContractTest extends AbstractLinkResetsContractTest {
    InMemoryLinkResetsContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryLinkResets());
    }
}
