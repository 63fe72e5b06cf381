package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractGrowthStoresContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryGrowthFlags;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemoryReferrals;
import dev.vpnbot.application.fixtures.InMemoryStarPayments;
import dev.vpnbot.application.fixtures.InMemoryTrials;

/** The growth stores' contract against application's in-memory fixtures. */
class InMemoryGrowthStoresContractTest extends AbstractGrowthStoresContractTest {
    InMemoryGrowthStoresContractTest() {
        super(Persistence::inMemory, p -> {
            InMemoryOrders orders = (InMemoryOrders) p.orders();
            return new Stores(new InMemoryTrials(orders), new InMemoryReferrals(orders, (InMemoryStarPayments) p.starPayments()),
                    new InMemoryGrowthFlags(orders));
        });
    }
}
