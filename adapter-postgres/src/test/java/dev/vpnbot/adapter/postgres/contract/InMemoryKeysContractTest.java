package dev.vpnbot.adapter.postgres.contract;

/** The {@code Keys} contract against application's in-memory fixture. */
class InMemoryKeysContractTest extends AbstractKeysContractTest {
    InMemoryKeysContractTest() {
        super(Persistence::inMemory);
    }
}
