package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractAdminQueriesContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryAudiences;
import dev.vpnbot.application.fixtures.InMemoryBroadcasts;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemoryShopFigures;
import dev.vpnbot.application.fixtures.InMemoryUsers;

/** The admin queries contract against application's in-memory fixtures. */
class InMemoryAdminQueriesContractTest extends AbstractAdminQueriesContractTest {
    InMemoryAdminQueriesContractTest() {
        super(Persistence::inMemory, p -> new AdminPorts(
                new InMemoryShopFigures((InMemoryUsers) p.users(), (InMemoryKeys) p.keys(), (InMemoryOrders) p.orders(),
                        (dev.vpnbot.application.fixtures.InMemoryStarPayments) p.starPayments()),
                new InMemoryAudiences((InMemoryUsers) p.users(), (InMemoryKeys) p.keys(), (InMemoryOrders) p.orders()),
                new InMemoryBroadcasts()));
    }
}
