package dev.vpnbot.application.contract.persistence;

import dev.vpnbot.application.fixtures.InMemoryStarPayments;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.fixtures.InMemoryConversationStates;
import dev.vpnbot.application.fixtures.InMemoryFulfilmentJobs;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryOrderNotices;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemoryPaymentEvents;
import dev.vpnbot.application.fixtures.InMemorySentNotifications;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.InMemoryTariffs;
import dev.vpnbot.application.fixtures.InMemoryTransactions;
import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;

/**
 * Test fixture: one implementation of every persistence port, all sharing one unit of work and
 * one clock: the subject of the contract tests. A store's tests build theirs from its adapter
 * (PostgreSQL: {@code PostgresPorts} in adapter-postgres's tests).
 */
public record Persistence(Users users, Tariffs tariffs, Servers servers, Keys keys, Orders orders,
                          PaymentEvents paymentEvents, FulfilmentJobs jobs, ConversationStates conversationStates,
                          SentNotifications sentNotifications, Transactions transactions, MutableClock clock,
                          OrderNotices notices, StarPayments starPayments) {

    /** Fresh in-memory adapters with a clock at {@link PersistenceContract#NOW}. */
    public static Persistence inMemory() {
        return inMemory(new MutableClock(PersistenceContract.NOW));
    }

    /** Fresh in-memory adapters, wired the way {@code TestShop} wires them. */
    public static Persistence inMemory(MutableClock clock) {
        InMemoryKeys keys = new InMemoryKeys();
        InMemorySentNotifications sent = new InMemorySentNotifications();
        keys.useLedger(sent);
        return new Persistence(new InMemoryUsers(), new InMemoryTariffs(), new InMemoryServers(keys, clock), keys,
                new InMemoryOrders(), new InMemoryPaymentEvents(), new InMemoryFulfilmentJobs(),
                new InMemoryConversationStates(), sent, new InMemoryTransactions(), clock, new InMemoryOrderNotices(), new InMemoryStarPayments());
    }
}
