package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractFulfilmentJobsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code FulfilmentJobs} contract against application's in-memory fixture. */
class InMemoryFulfilmentJobsContractTest extends AbstractFulfilmentJobsContractTest {
    InMemoryFulfilmentJobsContractTest() {
        super(Persistence::inMemory);
    }
}
