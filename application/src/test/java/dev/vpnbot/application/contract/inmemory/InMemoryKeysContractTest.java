package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractKeysContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code Keys} contract against application's in-memory fixture. */
class InMemoryKeysContractTest extends AbstractKeysContractTest {
    InMemoryKeysContractTest() {
        super(Persistence::inMemory);
    }
}
