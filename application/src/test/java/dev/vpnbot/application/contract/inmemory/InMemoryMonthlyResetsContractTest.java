package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractMonthlyResetsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryMonthlyResets;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemorySentNotifications;
import dev.vpnbot.application.fixtures.InMemoryTariffLimits;

/** The {@code MonthlyResets} contract against application's in-memory fixture. */
class InMemoryMonthlyResetsContractTest extends AbstractMonthlyResetsContractTest {
    InMemoryMonthlyResetsContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryTariffLimits(ports.tariffs()),
                (ports, book) -> new InMemoryMonthlyResets((InMemoryKeys) ports.keys(), (InMemoryOrders) ports.orders(), book,
                        (InMemorySentNotifications) ports.sentNotifications()));
    }
}
