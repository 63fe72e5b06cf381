package dev.vpnbot.adapter.postgres.contract;

/** The {@code FulfilmentJobs} contract against application's in-memory fixture. */
class InMemoryFulfilmentJobsContractTest extends AbstractFulfilmentJobsContractTest {
    InMemoryFulfilmentJobsContractTest() {
        super(Persistence::inMemory);
    }
}
