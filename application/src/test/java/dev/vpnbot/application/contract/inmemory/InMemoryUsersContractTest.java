package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractUsersContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code Users} contract against application's in-memory fixture. */
class InMemoryUsersContractTest extends AbstractUsersContractTest {
    InMemoryUsersContractTest() {
        super(Persistence::inMemory);
    }
}
