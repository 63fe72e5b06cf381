package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractServersContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code Servers} contract against application's in-memory fixture. */
class InMemoryServersContractTest extends AbstractServersContractTest {
    InMemoryServersContractTest() {
        super(Persistence::inMemory);
    }
}
