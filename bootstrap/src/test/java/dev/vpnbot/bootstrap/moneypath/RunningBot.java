package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.adapter.heleket.HeleketPaymentGateway;
import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.heleket.HeleketWebhook;
import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.fulfilment.FulfilmentWorker;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.fulfilment.OrderFulfilment;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.application.service.fulfilment.PlacementSweep;
import dev.vpnbot.application.service.fulfilment.OrderNoticeRelay;
import dev.vpnbot.application.service.ordering.OrderCancellation;
import dev.vpnbot.application.service.ordering.OrderPlacement;
import dev.vpnbot.application.service.payment.PaymentCheck;
import dev.vpnbot.application.service.payment.PaymentConfirmation;
import dev.vpnbot.application.service.payment.PaymentReconciliation;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.payment.StarsCheckout;
import dev.vpnbot.application.service.payment.StarsRefunding;
import dev.vpnbot.application.service.payment.StarsSettings;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.account.UserRegistration;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Test fixture: one bot process on the money path, wired by hand as bootstrap's
 * ApplicationModule wires it, over the real adapters: PostgreSQL (a pool of its own), the
 * 3x-ui adapter and the Heleket gateway and webhook. Closing it is the process going away:
 * its pool, HTTP clients and worker threads end; what it wrote stays for the next process.
 */
final class RunningBot implements AutoCloseable {
    /** Panel calls give up sooner than in production (30 s), yet leave room for a machine busy with other builds. */
    static final ThreeXuiSettings PANEL_SETTINGS = ThreeXuiSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
            .withBusyRetries(2, Duration.ofMillis(10));
    /** What production uses (ApplicationModule), so reconciliation behaves as it will there. */
    static final Duration EXPIRY_GRACE = Duration.ofMinutes(30);
    static final Duration LATE_PAYMENT_WINDOW = Duration.ofHours(24);

    /**
     * How this process is put together; the hooks let a test slip a fault between the core and
     * an adapter.
     *
     * @param workerThreads threads a payment's wake-up runs the fulfilment worker on; 0 = tests drive the worker
     */
    record Options(FulfilmentWorker.Settings worker, int workerThreads, UnaryOperator<VpnPanel> panelHook,
                   UnaryOperator<Orders> ordersHook, UnaryOperator<DatabaseSettings> databaseHook) {

        static Options defaults() {
            return new Options(new FulfilmentWorker.Settings(20, Duration.ofSeconds(30), Duration.ofSeconds(1),
                    Duration.ofSeconds(8), 3), 0, UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());
        }

        Options alertAfter(int attempts) {
            FulfilmentWorker.Settings w = worker;
            return new Options(new FulfilmentWorker.Settings(w.batchSize(), w.lease(), w.firstRetryDelay(), w.maxRetryDelay(), attempts),
                    workerThreads, panelHook, ordersHook, databaseHook);
        }

        Options wakingWorkersOn(int threads) {
            return new Options(worker, threads, panelHook, ordersHook, databaseHook);
        }

        Options panel(UnaryOperator<VpnPanel> hook) {
            return new Options(worker, workerThreads, hook, ordersHook, databaseHook);
        }

        Options orders(UnaryOperator<Orders> hook) {
            return new Options(worker, workerThreads, panelHook, hook, databaseHook);
        }

        Options database(UnaryOperator<DatabaseSettings> hook) {
            return new Options(worker, workerThreads, panelHook, ordersHook, hook);
        }
    }

    final PostgresPersistence db;
    final ThreeXuiPanel panelAdapter;
    final HeleketPaymentGateway gateway;
    final HeleketWebhook webhook;
    final RecordingNotifier notifier = new RecordingNotifier();
    final Options options;

    final UserRegistration registration;
    final OrderPlacement placement;
    final PaymentConfirmation confirmation;
    final OrderFulfilment fulfilment;
    /** Puts keys on their locations' panels; the sweep creates pending placements (the "placements" background job). */
    final KeyPlacing placing;
    final PlacementSweep placementSweep;
    final FulfilmentWorker worker;
    final PaymentCheck paymentCheck;
    final PaymentReconciliation reconciliation;
    final OrderCancellation cancellation;
    final OrderNoticeRelay noticeRelay;
    /** Telegram Stars on the same path (at 50 stars per USD); refunds are not Telegram's business here. */
    final StarsCheckout stars;
    /** The balance (docs/BALANCE.md): its book, auto-renew, and the admins' manual entries (admin: {@link #ADMIN}). */
    final dev.vpnbot.application.service.balance.BalanceBook balanceBook;
    final dev.vpnbot.application.service.renewal.AutoRenewal autoRenewal;
    final dev.vpnbot.application.service.balance.BalanceAdministration balanceAdministration;
    static final dev.vpnbot.domain.user.UserId ADMIN = new dev.vpnbot.domain.user.UserId(900_000_001L);

    private final ExecutorService wakeUps;
    private final AtomicInteger workerFailures = new AtomicInteger();

    RunningBot(DatabaseSettings database, Clock clock, HeleketSettings heleket, Options options) {
        this.options = options;
        this.db = PostgresPersistence.connect(options.databaseHook().apply(database), TestDatabase.SECRET_KEY, clock);
        // as bootstrap wires it: panel writes hold the database's per-panel lock, so several processes take turns
        this.panelAdapter = new ThreeXuiPanel(PANEL_SETTINGS, Clock.systemUTC(), db.panelWriteLock(Duration.ofSeconds(20)));
        this.gateway = new HeleketPaymentGateway(heleket);
        this.wakeUps = options.workerThreads() == 0 ? null : Executors.newFixedThreadPool(options.workerThreads(), r -> {
            Thread t = new Thread(r, "bot-worker");
            t.setDaemon(true);
            return t;
        });

        VpnPanel panel = options.panelHook().apply(panelAdapter);
        Orders orders = options.ordersHook().apply(db.orders());
        Transactions tx = db.transactions();
        // one test buyer places hundreds of orders at once here; the cap is tested on its own (OpenOrderCapTest)
        PurchaseSettings purchases = PurchaseSettings.defaults().withMaxOpenOrders(10_000)
                .withStarsPerUnit(new java.math.BigDecimal("50"));
        Nonces nonces = new Nonces();
        registration = new UserRegistration(db.users(), clock);
        placement = new OrderPlacement(db.users(), db.tariffs(), db.servers(), db.keys(), orders, gateway, tx, clock, purchases, nonces);
        noticeRelay = new OrderNoticeRelay(db.orderNotices(), orders, db.keys(), db.servers(), db.users(), notifier, tx, clock,
                OrderNoticeRelay.Settings.defaults());
        var currency = new dev.vpnbot.application.service.balance.ShopCurrency(db.tariffs());
        balanceBook = new dev.vpnbot.application.service.balance.BalanceBook(db.balances(), currency);
        confirmation = new PaymentConfirmation(orders, db.paymentEvents(), db.fulfilmentJobs(), gateway, notifier, tx, clock,
                order -> wakeWorker(), noticeRelay, new dev.vpnbot.application.service.balance.Deposits(balanceBook, currency, clock));
        autoRenewal = new dev.vpnbot.application.service.renewal.AutoRenewal(db.autoRenewals(), db.keys(), orders, db.tariffs(),
                db.servers(), db.users(), balanceBook, new dev.vpnbot.application.service.payment.RenewalPayment(orders, db.autoRenewals(),
                balanceBook, confirmation, tx, clock), db.sentNotifications(), notifier, tx, clock, Duration.ofDays(2), 100);
        balanceAdministration = new dev.vpnbot.application.service.balance.BalanceAdministration(balanceBook, db.balances(),
                db.autoRenewals(), db.users(), notifier::alertAdmins, tx, clock, new Admins(java.util.Set.of(ADMIN)));
        placing = new KeyPlacing(db.placements(), db.serverGroups(), db.servers(), panel, notifier, purchases);
        fulfilment = new OrderFulfilment(orders, db.keys(), db.servers(), panel, notifier, noticeRelay, tx, clock, purchases, nonces,
                db.placements(), placing);
        placementSweep = new PlacementSweep(db.keys(), db.placements(), db.linkResets(), placing, tx, clock, 50);
        worker = new FulfilmentWorker(db.fulfilmentJobs(), fulfilment, notifier, tx, clock, options.worker());
        paymentCheck = new PaymentCheck(orders, gateway, confirmation);
        reconciliation = new PaymentReconciliation(orders, paymentCheck, tx, clock, EXPIRY_GRACE, 100, LATE_PAYMENT_WINDOW);
        webhook = new HeleketWebhook(heleket, confirmation);
        cancellation = new OrderCancellation(orders, tx);
        StarsRefunding refunding = new StarsRefunding(db.starPayments(), orders, db.keys(), db.servers(), panel, (payer, charge) -> { },
                db.users(), notifier, tx, clock, new Admins(java.util.Set.of()));
        stars = new StarsCheckout(orders, db.users(), db.starPayments(), confirmation, refunding, notifier, tx, clock,
                new StarsSettings(true, false));
    }

    /** What bootstrap's wake-up does: run the worker at once instead of at the next tick. */
    private void wakeWorker() {
        if (wakeUps == null) return;
        wakeUps.execute(() -> {
            try {
                worker.runDueJobs();
            } catch (RuntimeException e) {
                workerFailures.incrementAndGet(); // the scheduler logs and carries on; tests look at the count
            }
        });
    }

    /** Waits until every woken worker run has finished. */
    void awaitWorkers() throws InterruptedException {
        if (wakeUps == null) return;
        wakeUps.shutdown();
        // generous: it returns as soon as they are done; only a stuck worker waits this out (a busy machine must not fail it)
        if (!wakeUps.awaitTermination(120, TimeUnit.SECONDS)) throw new IllegalStateException("workers still busy after 120 s");
    }

    int workerFailures() {
        return workerFailures.get();
    }

    @Override
    public void close() {
        if (wakeUps != null) wakeUps.shutdownNow();
        panelAdapter.close();
        db.close();
    }
}
