package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractSubscriptionTokensContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemorySubscriptionTokens;

/** The {@code SubscriptionTokens} contract against application's in-memory fixture. */
class InMemorySubscriptionTokensContractTest extends AbstractSubscriptionTokensContractTest {
    InMemorySubscriptionTokensContractTest() {
        super(Persistence::inMemory, ports -> new InMemorySubscriptionTokens(ports.keys(), ports.users(), ports.servers()));
    }
}
