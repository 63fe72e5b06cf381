package dev.vpnbot.adapter.postgres.contract;

/** The {@code Servers} contract against application's in-memory fixture. */
class InMemoryServersContractTest extends AbstractServersContractTest {
    InMemoryServersContractTest() {
        super(Persistence::inMemory);
    }
}
