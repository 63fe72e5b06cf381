package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.adapter.simulated.SimulatedClientUsage;
import dev.vpnbot.application.fixtures.InMemoryMonthlyResets;
import dev.vpnbot.application.fixtures.InMemoryNewKeys;
import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.adapter.simulated.SimulatedPanelInspection;
import dev.vpnbot.application.fixtures.InMemoryAudiences;
import dev.vpnbot.application.fixtures.InMemoryBroadcasts;
import dev.vpnbot.application.fixtures.InMemoryShopFigures;
import dev.vpnbot.application.fixtures.RecordingBroadcastChannel;
import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoOptional;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.InMemoryConversationStates;
import dev.vpnbot.application.fixtures.InMemoryFulfilmentJobs;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryLinkResets;
import dev.vpnbot.application.fixtures.InMemorySubscriptionTokens;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemoryPaymentEvents;
import dev.vpnbot.application.fixtures.InMemoryOrderNotices;
import dev.vpnbot.application.fixtures.InMemorySentNotifications;
import dev.vpnbot.application.fixtures.InMemoryEnrollmentTokens;
import dev.vpnbot.application.fixtures.InMemoryQueuedEnrollments;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.InMemoryTariffs;
import dev.vpnbot.application.fixtures.InMemoryTransactions;
import dev.vpnbot.application.fixtures.InMemorySalesSwitch;
import dev.vpnbot.application.fixtures.InMemoryBanHolds;
import dev.vpnbot.application.fixtures.InMemoryVpnApps;
import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.application.fixtures.InMemoryStarPayments;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollments;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.bootstrap.lifecycle.SchemaMigration;
import dev.vpnbot.bootstrap.metrics.OrderCounts;
import dev.vpnbot.domain.order.Order;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * Test wiring: every out-port from application's in-memory fixtures, in the places the
 * adapter modules will fill — the same shape a real adapter module has.
 */
public final class InMemoryAdaptersModule extends AbstractModule {

    @Provides @Singleton InMemorySentNotifications ledger() { return new InMemorySentNotifications(); }

    @Provides @Singleton SentNotifications sentNotifications(InMemorySentNotifications l) { return l; }
    @Provides @Singleton OrderNotices orderNotices() { return new InMemoryOrderNotices(); }

    @Provides @Singleton InMemoryKeys inMemoryKeys(InMemorySentNotifications ledger) {
        InMemoryKeys keys = new InMemoryKeys();
        keys.useLedger(ledger);
        return keys;
    }

    @Provides @Singleton Keys keys(InMemoryKeys k) { return k; }

    @Provides @Singleton SubscriptionTokens subscriptionTokens(InMemoryKeys k, Users u, Servers s) { return new InMemorySubscriptionTokens(k, u, s); }

    @Provides @Singleton LinkResets linkResets() { return new InMemoryLinkResets(); }
    @Provides @Singleton dev.vpnbot.application.fixtures.InMemoryKeyMoves inMemoryKeyMoves() { return new dev.vpnbot.application.fixtures.InMemoryKeyMoves(); }
    @Provides @Singleton dev.vpnbot.application.port.out.move.KeyMoves keyMoves(dev.vpnbot.application.fixtures.InMemoryKeyMoves m) { return m; }
    @Provides @Singleton dev.vpnbot.application.port.out.move.Evacuations evacuations(dev.vpnbot.application.fixtures.InMemoryKeyMoves m) {
        return new dev.vpnbot.application.fixtures.InMemoryEvacuations(m);
    }
    @Provides @Singleton dev.vpnbot.application.port.out.notify.MoveNews moveNews() { return (to, key, from, target) -> { }; }
    @Provides @Singleton dev.vpnbot.application.port.out.ServerGroups serverGroups() {
        return new dev.vpnbot.application.fixtures.InMemoryServerGroups();
    }
    @Provides @Singleton dev.vpnbot.application.port.out.Placements placements(InMemoryKeys k, Servers s,
                                                                              dev.vpnbot.application.port.out.ServerGroups g) {
        return new dev.vpnbot.application.fixtures.InMemoryPlacements(k, s, g);
    }

    @Provides @Singleton Servers servers(InMemoryKeys keys, Clock clock) { return new InMemoryServers(keys, clock); }

    @Provides @Singleton Users users(InMemoryUsers u) { return u; }

    @Provides @Singleton Tariffs tariffs() { return new InMemoryTariffs(); }

    @Provides @Singleton TariffLimitBook tariffLimits(Tariffs t) { return new dev.vpnbot.application.fixtures.InMemoryTariffLimits(t); }
    @Provides @Singleton dev.vpnbot.application.port.out.TrafficPacks trafficPacks(Tariffs t) { return new dev.vpnbot.application.fixtures.InMemoryTrafficPacks(t); }

    @Provides @Singleton NewKeys newKeys(InMemoryKeys k, InMemorySentNotifications l) { return new InMemoryNewKeys(k, l); }

    @Provides @Singleton MonthlyResets monthlyResets(InMemoryKeys k, InMemoryOrders o, TariffLimitBook b, InMemorySentNotifications l) {
        return new InMemoryMonthlyResets(k, o, b, l);
    }

    @Provides @Singleton InMemoryOrders inMemoryOrders() { return new InMemoryOrders(); }

    @Provides @Singleton Orders orders(InMemoryOrders o) { return o; }
    @Provides @Singleton dev.vpnbot.application.port.out.codes.PromoCodes promoCodes(InMemoryOrders o) {
        return new dev.vpnbot.application.fixtures.InMemoryPromoCodes(o);
    }

    @Provides @Singleton dev.vpnbot.application.port.out.gifts.Gifts gifts() { return new dev.vpnbot.application.fixtures.InMemoryGifts(); }
    @Provides @Singleton dev.vpnbot.application.port.out.notify.ReferralNews referralNews() {
        return (to, code, percent) -> { };
    }
    @Provides @Singleton dev.vpnbot.application.port.out.notify.GiftNews giftNews() {
        return new dev.vpnbot.application.fixtures.RecordingGiftNews();
    }

    @Provides @Singleton PaymentEvents events() { return new InMemoryPaymentEvents(); }

    @Provides @Singleton InMemoryStarPayments inMemoryStarPayments() { return new InMemoryStarPayments(); }

    @Provides @Singleton StarPayments starPayments(InMemoryStarPayments s) { return s; }

    /** Telegram says yes to every refund (the Telegram adapter's own tests hold the real call against the fake Bot API). */
    @Provides @Singleton StarsRefunds starsRefunds() { return (payer, chargeId) -> { }; }

    @Provides @Singleton FulfilmentJobs jobs() { return new InMemoryFulfilmentJobs(); }

    @Provides @Singleton Transactions transactions() { return new InMemoryTransactions(); }

    @Provides @Singleton ConversationStates conversationStates() { return new InMemoryConversationStates(); }

    @Provides @Singleton RecordingNotifier recordingNotifier() { return new RecordingNotifier(); }

    @Provides @Singleton Notifier notifier(RecordingNotifier n) { return n; }

    @Provides @Singleton dev.vpnbot.application.port.out.notify.BalanceNotices balanceNotices(RecordingNotifier n) { return n; }

    @Provides @Singleton dev.vpnbot.application.port.out.balance.Balances balances() { return new dev.vpnbot.application.fixtures.InMemoryBalances(); }

    @Provides @Singleton dev.vpnbot.application.port.out.balance.TopUps topUps() { return new dev.vpnbot.application.fixtures.InMemoryTopUps(); }

    @Provides @Singleton dev.vpnbot.application.port.out.balance.AutoRenewals autoRenewals(InMemoryKeys k) {
        return new dev.vpnbot.application.fixtures.InMemoryAutoRenewals(k);
    }

    @Provides @Singleton SimulatedVpnPanel fakePanel() { return new SimulatedVpnPanel(); }

    @Provides @Singleton @Undecorated VpnPanel panel(SimulatedVpnPanel p) { return p; }

    @Provides @Singleton SimulatedClientUsage usage(SimulatedVpnPanel p) { return new SimulatedClientUsage(p); }

    @Provides @Singleton ClientUsage clientUsage(SimulatedClientUsage u) { return u; }

    @Provides @Singleton ClientQuota clientQuota(SimulatedClientUsage u) { return u; }

    /** The Telegram adapter's own tests hold the real message; here the offers are only counted by the use case. */
    @Provides @Singleton ConnectHelp connectHelp() { return (to, key, serverName) -> { }; }

    @Provides @Singleton SimulatedPaymentGateway fakeGateway() { return new SimulatedPaymentGateway(); }

    @Provides @Singleton PaymentGateway gateway(SimulatedPaymentGateway g) { return g; }

    @Provides @Singleton InMemoryUsers inMemoryUsers() { return new InMemoryUsers(); }

    @Provides @Singleton ShopFigures figures(InMemoryUsers users, InMemoryKeys keys, InMemoryOrders orders, InMemoryStarPayments stars) {
        return new InMemoryShopFigures(users, keys, orders, stars);
    }

    @Provides @Singleton Broadcasts broadcasts() { return new InMemoryBroadcasts(); }

    @Provides @Singleton Audiences audiences(InMemoryUsers users, InMemoryKeys keys) { return new InMemoryAudiences(users, keys); }

    @Provides @Singleton BroadcastChannel broadcastChannel() { return new RecordingBroadcastChannel(); }

    @Provides @Singleton PanelInspection inspection() { return new SimulatedPanelInspection(); }

    @Provides @Singleton EnrollmentTokens enrollmentTokens() { return new InMemoryEnrollmentTokens(); }

    @Provides @Singleton QueuedEnrollments queuedEnrollments() { return new InMemoryQueuedEnrollments(); }

    @Provides @Singleton SalesSwitch salesSwitch() { return new InMemorySalesSwitch(); }
    @Provides @Singleton dev.vpnbot.application.port.out.growth.Trials trials(InMemoryOrders o) { return new dev.vpnbot.application.fixtures.InMemoryTrials(o); }
    @Provides @Singleton dev.vpnbot.application.port.out.growth.Referrals referrals(InMemoryOrders o, InMemoryStarPayments s) {
        return new dev.vpnbot.application.fixtures.InMemoryReferrals(o, s);
    }
    /** Telegram's channel membership: nobody is in any channel (the trial's channel gate is off by default anyway). */
    @Provides @Singleton dev.vpnbot.application.port.out.growth.ChannelMembership channelMembership() { return (channel, user) -> false; }
    @Provides @Singleton dev.vpnbot.application.port.out.growth.GrowthFlags growthFlags(InMemoryOrders o) {
        return new dev.vpnbot.application.fixtures.InMemoryGrowthFlags(o);
    }
    @Provides @Singleton BanHolds banHolds() { return new InMemoryBanHolds(); }
    @Provides @Singleton VpnApps vpnApps() { return InMemoryVpnApps.seeded(); }

    /** No database here to dump: a backup reports that, as pg_dump refusing would. */
    @Provides @Singleton DatabaseDumps dumps() {
        return file -> {
            throw new DatabaseDumps.DumpFailed("in memory: there is no database to dump");
        };
    }

    /** Backups are never made here (see {@link #dumps}), so none is ever sent. */
    @Provides @Singleton BackupChannel backupChannel() {
        return (file, caption) -> {
            throw new BackupChannel.Undeliverable("in memory: no backup chat");
        };
    }

    @Provides @Singleton SchemaMigration migration() { return () -> "in memory: nothing to migrate"; }

    @ProvidesIntoOptional(ProvidesIntoOptional.Type.ACTUAL)
    OrderCounts orderCounts(InMemoryOrders orders) {
        return () -> orders.all().stream().collect(Collectors.groupingBy(Order::status, Collectors.counting()));
    }

}
