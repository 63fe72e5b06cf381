package dev.vpnbot.adapter.postgres.contract;

/** The {@code Orders} contract against application's in-memory fixture. */
class InMemoryOrdersContractTest extends AbstractOrdersContractTest {
    InMemoryOrdersContractTest() {
        super(Persistence::inMemory);
    }
}
