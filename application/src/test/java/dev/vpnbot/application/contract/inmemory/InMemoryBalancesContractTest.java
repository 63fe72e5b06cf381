package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractBalancesContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryAutoRenewals;
import dev.vpnbot.application.fixtures.InMemoryBalances;
import dev.vpnbot.application.fixtures.InMemoryTopUps;

/** The balance stores' contract against application's in-memory fixtures. */
class InMemoryBalancesContractTest extends AbstractBalancesContractTest {
    InMemoryBalancesContractTest() {
        super(Persistence::inMemory, p -> new BalanceStores(new InMemoryBalances(), new InMemoryTopUps(), new InMemoryAutoRenewals(p.keys())));
    }
}
