package dev.vpnbot.adapter.postgres.contract;

/** The {@code Tariffs} contract against application's in-memory fixture. */
class InMemoryTariffsContractTest extends AbstractTariffsContractTest {
    InMemoryTariffsContractTest() {
        super(Persistence::inMemory);
    }
}
