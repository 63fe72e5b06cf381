package dev.vpnbot.adapter.postgres.contract;

/** The {@code Users} contract against application's in-memory fixture. */
class InMemoryUsersContractTest extends AbstractUsersContractTest {
    InMemoryUsersContractTest() {
        super(Persistence::inMemory);
    }
}
