package dev.vpnbot.adapter.postgres.contract;

/** The {@code Transactions} contract against application's in-memory fixture. */
class InMemoryTransactionsContractTest extends AbstractTransactionsContractTest {
    InMemoryTransactionsContractTest() {
        super(Persistence::inMemory);
    }
}
