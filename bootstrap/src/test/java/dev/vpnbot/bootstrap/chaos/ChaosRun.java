package dev.vpnbot.bootstrap.chaos;

import dev.vpnbot.adapter.heleket.HeleketPaymentGateway;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.heleket.fake.WebhookDelivery;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TcpProxy;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.OrderCancellation;
import dev.vpnbot.application.service.ordering.OrderPlacement;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault suite: the real jar against real PostgreSQL and the protocol fakes (3x-ui panel,
 * Heleket, Telegram Bot API), while buyers pay and the world breaks: kill -9 of the bot,
 * killed database connections, panel outages and "database is locked", duplicated, racing and
 * lost webhooks, money for cancelled orders. Then it checks what must hold (see
 * {@link ChaosChecks}), that every paid order's notice reached Telegram, and how long buyers
 * waited for their key after a restart. Run by {@code bench/chaos.sh} (full or short).
 *
 * <p>Orders are placed by the harness through the application's own placement over the same
 * database and Heleket (the bot's Telegram screens are tested elsewhere); everything after the
 * invoice (webhooks, reconciliation, fulfilment, panel, notices) is the jar's.
 */
public final class ChaosRun {
    static final UserId FIRST_BUYER = new UserId(500_000);
    static final ServerId SERVER = new ServerId(1);
    static final TariffId ONE_MONTH = new TariffId(1);

    /** How big a run is. */
    record Options(int payments, Duration pace, Duration killEvery, Duration connectionKillEvery, Duration panelFaultEvery,
                   int buyers) {
        static Options full() {
            return new Options(1000, Duration.ofMillis(600), Duration.ofSeconds(30), Duration.ofSeconds(7), Duration.ofSeconds(11), 150);
        }

        /** CHAOS_PAYMENTS, CHAOS_PACE_MS and CHAOS_KILL_EVERY_S override the run's size, pace and kill interval. */
        Options fromEnvironment() {
            return new Options(Integer.parseInt(System.getenv().getOrDefault("CHAOS_PAYMENTS", String.valueOf(payments))),
                    Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("CHAOS_PACE_MS", String.valueOf(pace.toMillis())))),
                    Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("CHAOS_KILL_EVERY_S", String.valueOf(killEvery.toSeconds())))),
                    connectionKillEvery, panelFaultEvery, buyers);
        }

        static Options quick() {
            return new Options(50, Duration.ofMillis(800), Duration.ofSeconds(12), Duration.ofSeconds(9), Duration.ofSeconds(10), 25);
        }
    }

    /** One buyer's order that was paid, and when its notice reached Telegram. */
    static final class Paid {
        final String publicId;
        final long buyer;
        final long paidAtNanos;
        final String scenario;
        volatile long notifiedAtNanos;

        Paid(String publicId, long buyer, long paidAtNanos, String scenario) {
            this.publicId = publicId;
            this.buyer = buyer;
            this.paidAtNanos = paidAtNanos;
            this.scenario = scenario;
        }

        long millisToKey() {
            return (notifiedAtNanos - paidAtNanos) / 1_000_000;
        }
    }

    private final Options options;
    private final Random random = new Random(14);
    private final AtomicBoolean faulting = new AtomicBoolean(true);
    private final Map<Long, Paid> inFlight = new ConcurrentHashMap<>();
    private final List<Paid> paid = new CopyOnWriteArrayList<>();
    private final List<Long> restartToKeyMillis = new CopyOnWriteArrayList<>();
    /** The orders a restart caught (in flight at the kill, or paid while the bot was down), with the restart's time. */
    private record Caught(long restartedAtNanos, List<Paid> orders) {}

    private final List<Caught> waitingOnRestart = new CopyOnWriteArrayList<>();
    private final AtomicInteger kills = new AtomicInteger(), connectionKills = new AtomicInteger(), panelFaults = new AtomicInteger(),
            duplicates = new AtomicInteger(), races = new AtomicInteger(), lostWebhooks = new AtomicInteger(),
            paidAfterCancel = new AtomicInteger(), renewals = new AtomicInteger();

    ChaosRun(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = (args.length > 0 && args[0].equals("short") ? Options.quick() : Options.full()).fromEnvironment();
        Figures figures = new ChaosRun(options).run(Path.of(args.length > 1 ? args[1] : "bootstrap/target/vpnbot.jar"));
        System.out.println(figures.report());
        System.exit(figures.passed() ? 0 : 1);
    }

    /** What a run measured. */
    record Figures(int payments, int renewals, int kills, int connectionKills, int panelFaults, int duplicates, int races,
                   int lostWebhooks, int paidAfterCancel, List<String> violations, int lostMessages, long restartP50, long restartP99,
                   long restartMax, int restartSamples, long payP50, long payP99, String loadBefore, String loadAfter, long seconds) {
        boolean passed() {
            return violations.isEmpty() && lostMessages == 0 && restartP99 < 30_000;
        }

        String report() {
            return String.format("""
                    chaos: %d payments (%d renewals) in %d s; kill -9: %d, database connection kills: %d rounds, panel faults: %d,
                           duplicated webhooks: %d, racing webhook bursts: %d, lost webhooks: %d, paid after cancel: %d
                    invariant violations: %d%s
                    lost messages: %d
                    restart -> key: p50 %d ms, p99 %d ms, max %d ms (%d orders caught by a restart)
                    payment -> key: p50 %d ms, p99 %d ms
                    loadavg before: %s   after: %s
                    verdict: %s""", payments, renewals, seconds, kills, connectionKills, panelFaults, duplicates, races, lostWebhooks,
                    paidAfterCancel, violations.size(), violations.isEmpty() ? "" : " " + violations, lostMessages, restartP50,
                    restartP99, restartMax, restartSamples, payP50, payP99, loadBefore, loadAfter, passed() ? "PASS" : "FAIL");
        }
    }

    Figures run(Path jar) throws Exception {
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: build it with ./mvnw -B -DskipTests package");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String loadBefore = loadavg();
        long started = System.nanoTime();
        DatabaseSettings base = TestDatabase.get().adminSettings();
        String dbName = "vpnbot_chaos_" + ProcessHandle.current().pid();
        String dbUrl = base.jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + dbName);
        admin(base, "DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
        admin(base, "CREATE DATABASE " + dbName);
        Path work = Files.createTempDirectory("vpnbot-chaos");
        ChaosChecks checks = new ChaosChecks(dbUrl, base.user(), base.password());
        try (FakeThreeXuiPanel panelHost = FakeThreeXuiPanel.builder().start();
             TcpProxy panelLine = new TcpProxy("127.0.0.1", panelHost.port());
             FakeHeleket heleket = FakeHeleket.start(FakeHeleket.Options.defaults().withWebhookRetryDelays(List.of(Duration.ZERO)));
             FakeBotApi telegram = FakeBotApi.start();
             PostgresPersistence records = PostgresPersistence.open(new DatabaseSettings(dbUrl, base.user(), base.password()),
                     TestDatabase.SECRET_KEY, Clock.systemUTC())) {
            checks.recordHistory();
            PanelConnection direct = panelHost.connection();
            records.servers().save(new Server(SERVER, "Chaos", new PanelConnection("http://127.0.0.1:" + panelLine.port()
                    + panelHost.basePath(), direct.credentials(), null), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 1_000_000, 0));
            for (int i = 0; i < options.buyers(); i++) records.users().save(UserMother.russian(FIRST_BUYER.telegramId() + i));

            BotProcess[] bot = new BotProcess[1];
            try (WebhookGate gate = new WebhookGate(() -> bot[0].httpPort())) {
                bot[0] = new BotProcess(jar, botEnvironment(dbUrl, base, heleket, telegram, gate, work), work.resolve("bot.log").toFile());
                bot[0].start();
                HeleketPaymentGateway gateway = new HeleketPaymentGateway(heleket.settings(gate.url() + "/webhooks/heleket"));
                Nonces nonces = new Nonces();
                OrderPlacement placement = new OrderPlacement(records.users(), records.tariffs(), records.servers(), records.keys(),
                        records.orders(), gateway, records.transactions(), Clock.systemUTC(),
                        PurchaseSettings.defaults().withMaxOpenOrders(1000), nonces);
                OrderCancellation cancellation = new OrderCancellation(records.orders(), records.transactions());

                Thread watcher = daemon("notices", () -> watchNotices(telegram));
                Thread faults = daemon("faults", () -> breakThings(bot[0], checks, dbName, base, panelHost, panelLine));
                pay(placement, cancellation, heleket, gate, records);
                faulting.set(false);
                faults.join(TimeUnit.MINUTES.toMillis(2));
                panelLine.restore();
                panelHost.clearFaults();
                if (!bot[0].alive()) restart(bot[0]);
                awaitQuiet(checks, TimeUnit.SECONDS.toNanos(options.payments() >= 500 ? 240 : 90));
                watcher.interrupt();

                List<String> violations = checks.violations(paid.stream().map(p -> p.publicId).toList(), panelHost,
                        FakeThreeXuiPanel.REALITY_INBOUND_ID);
                int lostMessages = (int) paid.stream().filter(p -> p.notifiedAtNanos == 0).count();
                bot[0].stop();
                System.out.println("slowest payment -> key: " + paid.stream().filter(p -> p.notifiedAtNanos != 0)
                        .sorted(java.util.Comparator.comparingLong(Paid::millisToKey).reversed()).limit(10)
                        .map(p -> p.publicId + " " + p.scenario + " " + p.millisToKey() + " ms").toList());
                List<Long> toKey = paid.stream().filter(p -> p.notifiedAtNanos != 0)
                        .map(p -> (p.notifiedAtNanos - p.paidAtNanos) / 1_000_000).sorted().toList();
                List<Long> restarts = restartToKeyMillis.stream().sorted().toList();
                return new Figures(paid.size(), renewals.get(), kills.get(), connectionKills.get(), panelFaults.get(), duplicates.get(),
                        races.get(), gate.lost.get(), paidAfterCancel.get(), violations, lostMessages, pct(restarts, 50),
                        pct(restarts, 99), restarts.isEmpty() ? 0 : restarts.get(restarts.size() - 1), restarts.size(), pct(toKey, 50),
                        pct(toKey, 99), loadBefore, loadavg(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        } finally {
            if (!"true".equals(System.getenv("CHAOS_KEEP"))) admin(base, "DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            System.out.println("(bot log: " + work.resolve("bot.log") + ")");
        }
    }

    private Map<String, String> botEnvironment(String dbUrl, DatabaseSettings base, FakeHeleket heleket, FakeBotApi telegram,
                                               WebhookGate gate, Path work) {
        return Map.ofEntries(Map.entry("BOT_TOKEN", FakeBotApi.TOKEN), Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("TELEGRAM_MODE", "polling"), Map.entry("DATABASE_URL", dbUrl), Map.entry("DATABASE_USER", base.user()),
                Map.entry("DATABASE_PASSWORD", base.password() == null ? "" : base.password()),
                Map.entry("SECRET_KEY", HexFormat.of().formatHex(TestDatabase.SECRET_KEY)),
                Map.entry("HELEKET_MERCHANT_ID", heleket.merchantId()), Map.entry("HELEKET_API_KEY", heleket.paymentKey()),
                Map.entry("HELEKET_API_URL", heleket.baseUrl()), Map.entry("HELEKET_WEBHOOK_IPS", "127.0.0.1"),
                Map.entry("PUBLIC_URL", gate.url()), Map.entry("RECONCILE_INTERVAL", "5s"), Map.entry("ADMIN_IDS", "900"),
                Map.entry("DATA_DIR", work.resolve("data").toString()), Map.entry("PANEL_DRIFT_INTERVAL", "off"),
                Map.entry("MAX_OPEN_ORDERS", "100"), Map.entry("VPNBOT_LOG_LEVEL", "INFO"));
    }

    // ---- the buyers ----------------------------------------------------------------------------

    /** Each buyer has one order in flight at a time, so the next message to them is that order's notice. */
    private void pay(OrderPlacement placement, OrderCancellation cancellation, FakeHeleket heleket, WebhookGate gate,
                     PostgresPersistence records) throws InterruptedException {
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < options.payments(); i++) {
            int n = i;
            sleep(options.pace().toMillis()); // a steady stream of buyers, so faults land among payments
            buyers.execute(() -> {
                long buyer = nextFreeBuyer();
                try {
                    buy(buyer, n, placement, cancellation, heleket, gate, records);
                } catch (RuntimeException e) {
                    inFlight.remove(buyer);
                    System.err.println("buyer " + buyer + ": " + e);
                }
                started.incrementAndGet();
            });
        }
        buyers.shutdown();
        buyers.awaitTermination(1, TimeUnit.HOURS);
    }

    private synchronized long nextFreeBuyer() {
        while (true) {
            for (int i = 0; i < options.buyers(); i++) {
                long id = FIRST_BUYER.telegramId() + i;
                if (!inFlight.containsKey(id)) {
                    inFlight.put(id, new Paid("", id, 0, ""));
                    return id;
                }
            }
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void buy(long buyer, int n, OrderPlacement placement, OrderCancellation cancellation, FakeHeleket heleket,
                     WebhookGate gate, PostgresPersistence records) {
        UserId user = new UserId(buyer);
        Order order = retrying(() -> {
            List<KeyId> keys = records.keys().ofOwner(user).stream().map(k -> k.id()).toList();
            if (!keys.isEmpty() && random.nextInt(3) == 0) {
                renewals.incrementAndGet();
                return placement.placeRenewal(new PlaceRenewalCommand(user, keys.get(0), ONE_MONTH));
            }
            return placement.placeNewKey(new PlaceNewKeyOrderCommand(user, ONE_MONTH, SERVER));
        });
        String id = order.publicId().value();
        int scenario = n % 10;
        if (scenario == 0) {
            retrying(() -> cancellation.cancel(user, order.id()));
            gate.lose(id);
            paidAfterCancel.incrementAndGet();
        } else if (scenario == 1) {
            gate.lose(id);
        }
        Paid p = new Paid(id, buyer, System.nanoTime(), (order.isRenewal() ? "renewal/" : "new/")
                + switch (scenario) {
                    case 0 -> "paid-after-cancel";
                    case 1 -> "webhook-lost";
                    case 2 -> "duplicate";
                    case 3 -> "racing";
                    default -> "plain";
                });
        inFlight.put(buyer, p);
        paid.add(p);
        heleket.pay(id);
        if (scenario == 2) {
            heleket.resendWebhook(id);
            duplicates.incrementAndGet();
        } else if (scenario == 3) {
            byte[] body = lastWebhook(heleket, id);
            if (body != null) {
                races.incrementAndGet();
                List<Thread> racers = new ArrayList<>();
                for (int r = 0; r < 4; r++) racers.add(daemon("race", () -> gate.post("/webhooks/heleket", body)));
                for (Thread t : racers) join(t);
            }
        }
    }

    /** The body of the order's latest webhook, once Heleket has sent it. */
    private static byte[] lastWebhook(FakeHeleket heleket, String orderId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<WebhookDelivery> all = heleket.webhooks().stream().filter(d -> d.orderId().equals(orderId)).toList();
            if (!all.isEmpty()) return all.get(all.size() - 1).body();
            sleep(20);
        }
        return null;
    }

    /** The harness's own database calls meet the same killed connections: try again, as a buyer would press again. */
    private static <T> T retrying(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= 10) throw e;
                sleep(200L * attempt);
            }
        }
    }

    // ---- Telegram: who got their notice, and when --------------------------------------------------

    private void watchNotices(FakeBotApi telegram) {
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<FakeBotApi.Call> calls = telegram.calls();
            for (; seen < calls.size(); seen++) {
                FakeBotApi.Call call = calls.get(seen);
                if (!call.ok() || !call.isContent()) continue;
                Paid p = inFlight.get(call.chatId());
                if (p != null && p.paidAtNanos != 0 && p.notifiedAtNanos == 0) {
                    p.notifiedAtNanos = call.atNanos();
                    inFlight.remove(call.chatId());
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }
            sleep(20);
        }
    }

    /**
     * Waits until every paid order has had a message and is FULFILLED in the database (a message to
     * the buyer's chat is not proof of delivery: a retry may still be on its way), or the time is up.
     */
    private void awaitQuiet(ChaosChecks checks, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (paid.stream().anyMatch(p -> p.notifiedAtNanos == 0) && System.nanoTime() < deadline) sleep(200);
        List<String> ids = paid.stream().map(p -> p.publicId).toList();
        while (System.nanoTime() < deadline) {
            try {
                if (checks.unfulfilled(ids).isEmpty()) break;
            } catch (SQLException e) {
                System.err.println("waiting for fulfilment: " + e);
            }
            sleep(200);
        }
        settleRestarts(true);
    }

    // ---- the faults --------------------------------------------------------------------------------

    private void breakThings(BotProcess bot, ChaosChecks checks, String dbName, DatabaseSettings base, FakeThreeXuiPanel panel,
                             TcpProxy panelLine) {
        long nextKill = System.nanoTime() + options.killEvery().toNanos();
        long nextCut = System.nanoTime() + options.connectionKillEvery().toNanos();
        long nextPanel = System.nanoTime() + options.panelFaultEvery().toNanos();
        while (faulting.get()) {
            long now = System.nanoTime();
            try {
                if (now >= nextKill) {
                    List<Paid> caught = paid.stream().filter(p -> p.notifiedAtNanos == 0).toList();
                    bot.kill();
                    kills.incrementAndGet();
                    sleep(500 + random.nextInt(2500)); // buyers keep paying while the bot is gone
                    restart(bot);
                    List<Paid> waiting = new ArrayList<>(caught);
                    paid.stream().filter(p -> p.notifiedAtNanos == 0 && !caught.contains(p)).forEach(waiting::add);
                    waitingOnRestart.add(new Caught(bot.launchedAtNanos(), waiting));
                    nextKill = System.nanoTime() + options.killEvery().toNanos();
                }
                if (now >= nextCut) {
                    admin(base, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + dbName
                            + "' AND pid <> pg_backend_pid()");
                    connectionKills.incrementAndGet();
                    nextCut = now + options.connectionKillEvery().toNanos();
                }
                if (now >= nextPanel) {
                    panelFault(panel, panelLine);
                    nextPanel = System.nanoTime() + options.panelFaultEvery().toNanos();
                }
            } catch (Exception e) {
                System.err.println("fault injection: " + e);
            }
            settleRestarts(false);
            sleep(100);
        }
    }

    private static void restart(BotProcess bot) {
        bot.start();
    }

    /**
     * Orders a restart caught, once all have their notice: restart → key for each. One still
     * waiting at the end counts with the time it has waited so far, so a lost one cannot hide.
     */
    private void settleRestarts(boolean last) {
        for (Caught caught : waitingOnRestart) {
            if (last || caught.orders().stream().allMatch(p -> p.notifiedAtNanos != 0)) {
                for (Paid p : caught.orders()) {
                    long end = p.notifiedAtNanos != 0 ? p.notifiedAtNanos : System.nanoTime();
                    restartToKeyMillis.add(Math.max(0, (end - caught.restartedAtNanos()) / 1_000_000));
                }
                waitingOnRestart.remove(caught);
            }
        }
    }

    private void panelFault(FakeThreeXuiPanel panel, TcpProxy panelLine) {
        panelFaults.incrementAndGet();
        switch (random.nextInt(3)) {
            case 0 -> { // the panel's host is unreachable for a few seconds
                panelLine.cut();
                sleep(2000 + random.nextInt(3000));
                panelLine.restore();
            }
            case 1 -> panel.inject(FakeThreeXuiPanel.Fault.DATABASE_LOCKED, 3);
            default -> panel.inject(FakeThreeXuiPanel.Fault.HTTP_500, 2);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    static void admin(DatabaseSettings base, String sql) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, "chaos-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
