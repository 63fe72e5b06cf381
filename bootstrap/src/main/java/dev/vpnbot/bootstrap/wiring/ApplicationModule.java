package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.payment.StarsCheckout;
import dev.vpnbot.application.service.payment.StarsRefunding;
import dev.vpnbot.application.service.payment.StarsSettings;
import dev.vpnbot.bootstrap.config.StarsConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.in.account.MarkUserBlockedUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.application.service.admin.AppCatalogue;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.fulfilment.RelayOrderNoticesUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.service.account.TimeZoneChange;
import dev.vpnbot.application.service.ordering.Catalogue;
import dev.vpnbot.application.service.account.ExpiryReminders;
import dev.vpnbot.application.service.fulfilment.FulfilmentWorker;
import dev.vpnbot.application.service.account.LanguageChange;
import dev.vpnbot.application.service.account.MyKeys;
import dev.vpnbot.application.service.subscription.SubscriptionFeed;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.OrderCancellation;
import dev.vpnbot.application.service.fulfilment.OrderFulfilment;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.application.service.fulfilment.OrderNoticeRelay;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.OrderPlacement;
import dev.vpnbot.application.service.ordering.OrderPricing;
import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.application.service.fulfilment.PanelDriftRepair;
import dev.vpnbot.application.service.payment.PaymentCheck;
import dev.vpnbot.application.service.payment.PaymentConfirmation;
import dev.vpnbot.application.service.payment.PaymentRouting;
import dev.vpnbot.application.service.balance.Deposits;
import dev.vpnbot.application.service.payment.PaymentReconciliation;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.payment.TestPayments;
import dev.vpnbot.application.service.account.UserBlocking;
import dev.vpnbot.application.service.account.UserLookup;
import dev.vpnbot.application.service.account.UserRegistration;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.ShopLimits;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import dev.vpnbot.bootstrap.metrics.MeasuredDriftRepair;
import dev.vpnbot.bootstrap.metrics.MeasuredFulfilment;
import dev.vpnbot.bootstrap.metrics.MeasuredPaymentNotifications;
import dev.vpnbot.bootstrap.metrics.MeasuredReconciliation;
import dev.vpnbot.bootstrap.metrics.MeasuredReminders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Every use case of {@code dev.vpnbot.application.port.in}, bound to the service that
 * implements it, built by calling its constructor. The out-ports come from the adapter
 * modules (or from in-memory fixtures in tests); some use cases get a measuring decorator.
 */
public final class ApplicationModule extends AbstractModule {
    /** How long after its payment deadline an unpaid order is expired: late blockchain confirmations. */
    static final Duration EXPIRY_GRACE = Duration.ofMinutes(30);
    static final int BATCH = 100;

    @Override
    protected void configure() {
        Autowire.singleton(binder(), UserRegistration.class, RegisterUserUseCase.class);
        // Traffic packs (docs/USAGE.md): sold for keys, fulfilled by raising their quota.
        Autowire.singleton(binder(), dev.vpnbot.application.service.ordering.TrafficPackRules.class);
        Autowire.singleton(binder(), PaymentConfirmation.class);
        Autowire.singleton(binder(), MyKeys.class, ShowMyKeysUseCase.class);
        Autowire.singleton(binder(), SubscriptionFeed.class, FetchSubscriptionUseCase.class);
        Autowire.singleton(binder(), PaymentCheck.class);
        Autowire.singleton(binder(), OrderCancellation.class, CancelOrderUseCase.class);
        Autowire.singleton(binder(), UserLookup.class, FindUserUseCase.class);
        Autowire.singleton(binder(), UserBlocking.class, MarkUserBlockedUseCase.class);
        Autowire.singleton(binder(), LanguageChange.class, ChangeLanguageUseCase.class);
        Autowire.singleton(binder(), TimeZoneChange.class, ChangeTimeZoneUseCase.class);
        bind(ListTariffsUseCase.class).to(Catalogue.class);
        bind(ListServersForPurchaseUseCase.class).to(Catalogue.class);
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The apps buyers are shown; reading needs no admin (changes go through ManageAppsUseCase). */
    @Provides
    @Singleton
    ListVpnAppsUseCase vpnApps(VpnApps apps, Transactions tx) {
        return new AppCatalogue(new Admins(java.util.Set.of()), apps, tx);
    }

    /** With Stars on, orders are placed with their Stars price (the tariff's own, else at STARS_PER_UNIT). */
    @Provides
    @Singleton
    PurchaseSettings purchaseSettings(ShopLimits limits, StarsConfig stars) {
        return PurchaseSettings.defaults().withMaxOpenOrders(limits.maxOpenOrders())
                .withStarsPerUnit(stars.enabled() ? stars.starsPerUnit() : null);
    }

    @Provides
    @Singleton
    Nonces nonces() {
        return new Nonces();
    }

    @Provides
    @Singleton
    Catalogue catalogue(Tariffs tariffs, Servers servers, SalesSwitch sales, ServerGroups groups,
                        dev.vpnbot.application.port.out.TrafficPacks packs) {
        return new Catalogue(tariffs, servers, sales, groups).withTrafficPacks(packs);
    }

    @Provides
    @Singleton
    PlaceOrderUseCase placement(Users users, Tariffs tariffs, Servers servers, Keys keys, Orders orders, PaymentGateway gateway,
                                Transactions tx, Clock clock, PurchaseSettings settings, Nonces nonces, SalesSwitch sales,
                                OrderPricing pricing, GrowthFlags growthFlags, Trials trials,
                                dev.vpnbot.application.service.ordering.TrafficPackRules packRules) {
        return new OrderPlacement(users, tariffs, servers, keys, orders, gateway, tx, clock, settings, nonces, sales, growthFlags, trials)
                .pricedBy(pricing).sellingPacks(packRules);
    }

    @Provides
    @Singleton
    OrderNoticeRelay noticeRelay(OrderNotices notices, Orders orders, Keys keys, Servers servers, Users users, Notifier notifier,
                                 Transactions tx, Clock clock, Placements placements, SubscriptionTokens tokens) {
        return new OrderNoticeRelay(notices, orders, keys, servers, users, notifier, tx, clock, OrderNoticeRelay.Settings.defaults(),
                placements, tokens);
    }

    @Provides
    @Singleton
    RelayOrderNoticesUseCase relayNotices(OrderNoticeRelay relay) {
        return relay;
    }

    /** Gateway notifications are counted; payments that arrive any other way are not. */
    @Provides
    @Singleton
    ConfirmPaymentUseCase confirmPayment(PaymentRouting routing, BotMetrics metrics) {
        return new MeasuredPaymentNotifications(routing, metrics); // top-ups to the balance, the rest to their orders
    }

    @Provides
    @Singleton
    ApplyPaymentUseCase applyPayment(PaymentConfirmation confirmation) {
        return confirmation;
    }

    @Provides
    @Singleton
    FulfilOrderUseCase fulfilment(Orders orders, Keys keys, Servers servers, VpnPanel panel, Notifier notifier,
                                  OrderNoticeRelay notices, Transactions tx, Clock clock, PurchaseSettings settings, Nonces nonces,
                                  BotMetrics metrics, Placements placements, KeyPlacing placing,
                                  TariffLimitBook limits, dev.vpnbot.application.port.out.gifts.Gifts gifts,
                                  dev.vpnbot.application.port.out.notify.GiftNews giftNews, Users users,
                                  dev.vpnbot.application.service.gifts.GiftSettings giftSettings,
                                  dev.vpnbot.application.service.ordering.TrafficPackRules packRules) {
        // a gift's order is issued as a gift code instead of a key (GiftFulfilment); every other order gets its key
        return new MeasuredFulfilment(new dev.vpnbot.application.service.gifts.GiftFulfilment(
                new OrderFulfilment(orders, keys, servers, panel, notifier, notices, tx, clock, settings, nonces, placements, placing, limits)
                        .withTrafficPacks(packRules),
                gifts, orders, users, giftNews, clock, giftSettings), metrics);
    }

    @Provides
    @Singleton
    RunFulfilmentJobsUseCase worker(FulfilmentJobs jobs, FulfilOrderUseCase fulfilment, Notifier notifier,
                                    Transactions tx, Clock clock) {
        // one daemon thread renews the leases of the jobs being worked on; it dies with the process, as a heartbeat should
        ScheduledThreadPoolExecutor heartbeats = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fulfilment-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.setRemoveOnCancelPolicy(true);
        return new FulfilmentWorker(jobs, fulfilment, notifier, tx, clock, FulfilmentWorker.Settings.defaults(), heartbeats);
    }

    @Provides
    @Singleton
    CheckPaymentUseCase checkPayment(PaymentCheck check) {
        return check;
    }

    @Provides
    @Singleton
    ReconcilePaymentsUseCase reconciliation(Orders orders, PaymentCheck check, Transactions tx, Clock clock, ShopLimits limits,
                                            BotMetrics metrics) {
        return new MeasuredReconciliation(new PaymentReconciliation(orders, check, tx, clock, EXPIRY_GRACE, BATCH,
                limits.latePaymentWindow()), metrics);
    }

    @Provides
    @Singleton
    SendExpiryRemindersUseCase reminders(Keys keys, Users users, Servers servers, SentNotifications ledger, Notifier notifier,
                                         Clock clock, BotMetrics metrics, Placements placements, Trials trials) {
        return new MeasuredReminders(new ExpiryReminders(keys, users, servers, ledger, notifier, clock, BATCH, placements, trials::isTrialKey),
                metrics);
    }

    @Provides
    @Singleton
    RepairPanelDriftUseCase driftRepair(Servers servers, Keys keys, VpnPanel panel, Notifier notifier, Clock clock,
                                        ClientLimits limits, BotMetrics metrics, Placements placements) {
        return new MeasuredDriftRepair(new PanelDriftRepair(servers, keys, panel, notifier, clock, limits, PanelDriftRepair.PAGE_SIZE,
                placements), metrics);
    }

    @Provides
    @Singleton
    StarsRefunding starsRefunding(StarPayments ledger, Orders orders, Keys keys, Servers servers, VpnPanel panel, StarsRefunds refunds,
                                  Users users, Notifier notifier, Transactions tx, Clock clock, Admins admins,
                                  dev.vpnbot.application.service.payment.KeylessOrders keyless) {
        return new StarsRefunding(ledger, orders, keys, servers, panel, refunds, users, notifier, tx, clock, admins)
                .withKeylessOrders(keyless);
    }

    /** Present only when STARS_ENABLED is on. */
    @Provides
    @Singleton
    Optional<PayWithStarsUseCase> payWithStars(StarsConfig stars, Orders orders, Users users, StarPayments ledger,
                                               PaymentConfirmation confirmation, StarsRefunding refunding, Notifier notifier,
                                               Transactions tx, Clock clock) {
        if (!stars.enabled()) return Optional.empty();
        return Optional.of(new StarsCheckout(orders, users, ledger, confirmation, refunding, notifier, tx, clock,
                new StarsSettings(true, stars.onlyForPayingUsers())));
    }

    /** Refunds from the admin's user card; also present with Stars off, for payments taken while they were on. */
    @Provides
    @Singleton
    StarsRefundUseCase starsRefunds(StarsRefunding refunding) {
        return refunding;
    }

    /** Present only when PAYMENT_TEST_MODE is on: the service refuses to exist otherwise. */
    @Provides
    @Singleton
    Optional<PayInTestModeUseCase> testPayments(HeleketConfig heleket, Orders orders, ApplyPaymentUseCase payments) {
        return heleket.testMode() ? Optional.of(new TestPayments(true, orders, payments)) : Optional.empty();
    }
}
