package dev.vpnbot.bootstrap.moneypath.bench;

import dev.vpnbot.adapter.telegram.TelegramAdapter;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.application.fixtures.InMemoryConversationStates;
import okhttp3.OkHttpClient;
import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.heleket.HeleketPaymentGateway;
import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.heleket.HeleketWebhook;
import dev.vpnbot.adapter.heleket.WebhookReply;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.heleket.fake.WebhookDelivery;
import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.account.ExpiryReminders;
import dev.vpnbot.application.service.fulfilment.FulfilmentWorker;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.fulfilment.OrderFulfilment;
import dev.vpnbot.application.service.fulfilment.OrderNoticeRelay;
import dev.vpnbot.application.service.ordering.OrderPlacement;
import dev.vpnbot.application.service.payment.PaymentCheck;
import dev.vpnbot.application.service.payment.PaymentConfirmation;
import dev.vpnbot.application.service.payment.PaymentReconciliation;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import dev.vpnbot.bootstrap.schedule.BackgroundJobs;
import dev.vpnbot.bootstrap.schedule.PanelProbe;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Benchmark (not a test): time from a verified Heleket webhook ({@link HeleketWebhook#handle})
 * to the key stored and the user notified, on the production path: webhook → payment
 * confirmation (asks Heleket's payment/info, one transaction) → wake-up of bootstrap's
 * {@link BackgroundJobs} → fulfilment worker (claim, grant, panel, finish) → notification.
 * Real PostgreSQL; the real 3x-ui adapter against fake panels, which answer at once; the real
 * Heleket gateway against the fake Heleket. Bot, fakes and PostgreSQL share this machine's cores.
 *
 * <ol>
 *   <li><b>steady</b>, once per rate in {@code BENCH_RATES}: webhooks arrive at that many per
 *       second (open loop: latency counts from when each webhook was due, so a stall is not
 *       hidden); p50/p90/p99/max.</li>
 *   <li><b>burst</b>: {@code BENCH_HTTP_THREADS} connections deliver webhooks back to back;
 *       fulfilments per second from the first webhook to the last notification. Latency here is
 *       mostly waiting in the queue and is shown for completeness.</li>
 * </ol>
 * Targets (issue 6): p99 under 150 ms at 200 webhooks per second, and at least 200 fulfilments
 * per second; exit status 1 when one is missed. Afterwards it checks that every order was
 * fulfilled once: one active key, one panel client, one payment event, one notification each.
 *
 * <p>Run: {@code bench/fulfilment.sh}. Database: {@code VPNBOT_BENCH_JDBC_URL} (+ {@code _USER},
 * {@code _PASSWORD}), else the test database resolver; a schema of its own, dropped at the end
 * unless {@code BENCH_KEEP=true}. Settings: {@code BENCH_WARMUP} (300 orders),
 * {@code BENCH_ORDERS} per run (1000), {@code BENCH_RATES} (100,200), {@code BENCH_HTTP_THREADS}
 * (8, the bot's HTTP server default), {@code BENCH_KEYS_PER_SERVER} (100: keys are spread over as
 * many servers, each with a fake panel of its own, since 3x-ui rewrites an inbound's whole client
 * list on every change), {@code BENCH_WORKERS} (1 = bootstrap's scheduler, which runs up to
 * {@code BackgroundJobs.FULFILMENT_LOOPS} loops as jobs keep coming; more = that many loops of
 * this benchmark's own instead, a what-if).
 *
 * <p>{@code BENCH_NOTIFIER}: {@code port} (the default) counts a buyer as notified when the
 * fulfilment hands the key to the {@link Notifier} port; {@code telegram} puts the real notifier
 * behind it (adapter-telegram's {@code TelegramNotifier} and rate-limited sender, Telegram's
 * default limits) against the fake Bot API, and counts a buyer as notified when the Bot API
 * receives the key's message: the whole way to the buyer, end to end.
 */
public final class FulfilmentBenchmark {
    private static final double TARGET_P99_MS = 150.0;
    private static final double TARGET_PER_SECOND = 200.0;
    private static final long FIRST_BUYER = 700_000_001L;
    private static final InetAddress HELEKET = InetAddress.getLoopbackAddress();

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // before any JDK HTTP server starts
        SLF4JBridgeHandler.removeHandlersForRootLogger(); // the core's java.util.logging goes where the bot's log goes, as in Main
        SLF4JBridgeHandler.install();
        int warmup = env("BENCH_WARMUP", 300);
        int perRun = env("BENCH_ORDERS", 1000);
        List<Integer> rates = Arrays.stream(System.getenv().getOrDefault("BENCH_RATES", "100,200").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int httpThreads = env("BENCH_HTTP_THREADS", 8);
        int perServer = env("BENCH_KEYS_PER_SERVER", 100);
        int workers = env("BENCH_WORKERS", 1);
        boolean keep = Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_KEEP", "false"));
        int total = warmup + (rates.size() + 1) * perRun;

        DatabaseSettings settings = adminSettings().withSchema("vpnbot_bench_fulfil_" + System.currentTimeMillis());
        System.out.printf(Locale.ROOT, "PostgreSQL %s, schema %s; %d cores, %s; load average %s%n", settings.target(), settings.schema(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version(), loadAverage());
        Clock clock = Clock.systemUTC();
        boolean missed;
        List<FakeThreeXuiPanel> panelHosts = new ArrayList<>();
        try (PostgresPersistence db = PostgresPersistence.open(settings, TestDatabase.SECRET_KEY, clock);
             FakeHeleket heleket = FakeHeleket.start();
             ThreeXuiPanel panel = new ThreeXuiPanel(ThreeXuiSettings.defaults(), clock)) {
            HttpServer sink = callbackSink(); // Heleket's own deliveries go nowhere: the benchmark delivers them itself
            HeleketSettings heleketSettings = heleket.settings("http://127.0.0.1:" + sink.getAddress().getPort() + HeleketWebhook.PATH);
            boolean toTelegram = System.getenv().getOrDefault("BENCH_NOTIFIER", "port").equals("telegram");
            FakeBotApi botApi = toTelegram ? FakeBotApi.start() : null;
            TelegramAdapter telegram = toTelegram ? new TelegramAdapter(TelegramSettings.builder(FakeBotApi.TOKEN)
                    .apiBaseUrl(botApi.baseUrl()).build(), user -> { }, new InMemoryConversationStates(), clock, new OkHttpClient()) : null;
            TimingNotifier notifier = new TimingNotifier(total, toTelegram ? telegram.notifier() : null);
            if (toTelegram) {
                botApi.onCall(call -> {
                    long buyer = call.chatId() - FIRST_BUYER;
                    if (call.isContent() && buyer >= 0 && buyer < total) notifier.arrived((int) buyer);
                });
                System.out.println("notified = the key's message received by the (fake) Bot API, through the real TelegramNotifier");
            }

            // wired as bootstrap's ApplicationModule and SchedulerModule do
            TimedPorts timing = new TimedPorts();
            Transactions tx = timing.transactions(db.transactions());
            VpnPanel timedPanel = timing.panel(panel);
            HeleketPaymentGateway gateway = new HeleketPaymentGateway(heleketSettings);
            PurchaseSettings purchases = PurchaseSettings.defaults();
            Nonces nonces = new Nonces();
            BackgroundJobs[] jobs = new BackgroundJobs[1];
            OrderPlacement placement = new OrderPlacement(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), gateway, tx,
                    clock, purchases, nonces);
            FulfilmentLoops[] loops = new FulfilmentLoops[1];
            OrderNoticeRelay notices = new OrderNoticeRelay(db.orderNotices(), db.orders(), db.keys(), db.servers(), db.users(), notifier,
                    tx, clock, OrderNoticeRelay.Settings.defaults());
            PaymentConfirmation confirmation = new PaymentConfirmation(db.orders(), db.paymentEvents(), db.fulfilmentJobs(), gateway,
                    notifier, tx, clock, order -> {
                        if (loops[0] != null) loops[0].wake(); else jobs[0].wakeFulfilment();
                    }, notices);
            OrderFulfilment fulfilment = new OrderFulfilment(db.orders(), db.keys(), db.servers(), timedPanel, notifier, notices, tx, clock,
                    purchases, nonces, db.placements(), new dev.vpnbot.application.service.fulfilment.KeyPlacing(db.placements(),
                            db.serverGroups(), db.servers(), timedPanel, notifier, purchases));
            FulfilmentWorker worker = new FulfilmentWorker(db.fulfilmentJobs(), fulfilment, notifier, tx, clock,
                    FulfilmentWorker.Settings.defaults());
            PaymentReconciliation reconciliation = new PaymentReconciliation(db.orders(),
                    new PaymentCheck(db.orders(), gateway, confirmation), tx, clock, Duration.ofMinutes(30), 100, Duration.ofHours(24));
            ExpiryReminders reminders = new ExpiryReminders(db.keys(), db.users(), db.servers(), db.sentNotifications(), notifier, clock, 100);
            Duration later = Duration.ofHours(1); // only fulfilment runs during the benchmark (reconciliation would pay orders itself)
            jobs[0] = new BackgroundJobs(worker, reconciliation, reminders, new PanelProbe(db.servers(), panel),
                    () -> new RepairPanelDriftUseCase.Result(List.of()), () -> 0,
                    new BotMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(), Optional.empty()),
                    new BackgroundJobs.Schedule(Duration.ofSeconds(1), later, later, later, Duration.ZERO, later));
            HeleketWebhook webhook = new HeleketWebhook(heleketSettings, confirmation);

            Tariff tariff = TariffMother.oneMonth(1);
            db.tariffs().save(tariff);
            // 3x-ui keeps an inbound's clients in one JSON document that every change reads and rewrites:
            // the keys are spread over servers of a realistic size, each with its own panel, as an operator's are
            List<Server> servers = new ArrayList<>();
            for (int s = 0; s * perServer < total; s++) {
                FakeThreeXuiPanel panelHost = FakeThreeXuiPanel.builder().start();
                panelHosts.add(panelHost);
                Server server = new Server(new ServerId(s + 1), "Bench " + (s + 1), panelHost.connection(),
                        FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 1_000_000, 0);
                db.servers().save(server);
                servers.add(server);
            }
            System.out.printf(Locale.ROOT, "%d servers, each its own fake 3x-ui panel, up to %d keys each%n", servers.size(), perServer);

            long prepareStart = System.nanoTime();
            byte[][] webhooks = prepare(db, placement, heleket, tariff, servers, total, clock.instant());
            System.out.printf(Locale.ROOT, "prepared %d paid orders (webhooks signed by the fake Heleket) in %.1f s%n",
                    total, (System.nanoTime() - prepareStart) / 1e9);

            if (workers > 1) {
                loops[0] = new FulfilmentLoops(worker, workers);
                System.out.printf(Locale.ROOT, "fulfilment: %d worker loops in parallel (BENCH_WORKERS), not bootstrap's scheduler%n", workers);
            } else {
                jobs[0].start();
            }
            ExecutorService http = Executors.newFixedThreadPool(httpThreads, named("http")); // the bot's HTTP server threads
            try {
                Phase warm = deliver("warm-up", webhook, webhooks, notifier, http, httpThreads, 0, warmup, rates.get(0));
                List<Phase> measured = new ArrayList<>();
                List<String> breakdown = new ArrayList<>();
                int next = warmup;
                for (int r = 0; r <= rates.size(); r++) {
                    boolean burst = r == rates.size();
                    TimedPorts.Reading before = timing.read();
                    Phase phase = deliver(burst ? "burst" : "steady", webhook, webhooks, notifier, http, httpThreads, next, perRun,
                            burst ? 0 : rates.get(r));
                    measured.add(phase);
                    breakdown.add(String.format(Locale.ROOT, "  %-6s %9s: %s", phase.name(), phase.offered(), timing.read().perOrder(before, perRun)));
                    next += perRun;
                }
                System.out.println();
                System.out.printf(Locale.ROOT, "%-8s %7s %9s %11s %8s %8s %8s %8s %9s %9s  %s%n", "run", "orders", "offered/s",
                        "fulfilled/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "reply p50", "reply p99", "load avg (1, 5, 15 min)");
                System.out.println(warm.row());
                measured.forEach(p -> System.out.println(p.row()));
                System.out.println();
                System.out.println("per order, webhook and fulfilment together (time in transactions includes waiting for a connection and locks):");
                breakdown.forEach(System.out::println);

                Checks checks = check(settings, panelHosts, notifier, total);
                System.out.println();
                System.out.println(checks);
                Phase atTarget = measured.stream().filter(p -> p.rate() == (int) TARGET_PER_SECOND).findFirst().orElse(null);
                Phase burst = measured.get(measured.size() - 1);
                boolean latencyMet = atTarget != null && atTarget.percentile(0.99) < TARGET_P99_MS;
                boolean throughputMet = burst.perSecond() >= TARGET_PER_SECOND;
                missed = !checks.ok() || !latencyMet || !throughputMet;
                System.out.printf(Locale.ROOT, "targets: p99 < %.0f ms at %.0f webhooks/s: %s; burst >= %.0f fulfilments/s: %s%n",
                        TARGET_P99_MS, TARGET_PER_SECOND, atTarget == null ? "not measured" : latencyMet ? "met" : "MISSED",
                        TARGET_PER_SECOND, throughputMet ? "met" : "MISSED");
            } finally {
                if (loops[0] != null) loops[0].stop();
                jobs[0].stop(Duration.ofSeconds(5));
                http.shutdownNow();
                sink.stop(0);
            }
            if (telegram != null) telegram.close();
            if (botApi != null) botApi.close();
        } finally {
            panelHosts.forEach(FakeThreeXuiPanel::close);
            if (!keep) dropSchema(settings);
        }
        System.exit(missed ? 1 : 0);
    }

    // ---- preparing -----------------------------------------------------------------------------------------

    /** Buyers, their orders (with real invoices from the fake Heleket) and the signed "paid" webhook of each. */
    private static byte[][] prepare(PostgresPersistence db, OrderPlacement placement, FakeHeleket heleket, Tariff tariff,
                                    List<Server> servers, int total, Instant now) throws Exception {
        String[] orderIds = new String[total];
        ExecutorService threads = Executors.newFixedThreadPool(4, named("prepare"));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                work.add(threads.submit(() -> {
                    for (int i = first; i < total; i += 4) {
                        UserId buyer = new UserId(FIRST_BUYER + i);
                        db.users().save(User.register(buyer, "Buyer", "buyer" + i, Language.RU, now));
                        ServerId server = servers.get(i % servers.size()).id();
                        Order order = placement.placeNewKey(new PlaceNewKeyOrderCommand(buyer, tariff.id(), server));
                        heleket.pay(order.publicId().value());
                        orderIds[i] = order.publicId().value();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            threads.shutdownNow();
        }
        Map<String, byte[]> paid = new HashMap<>();
        for (WebhookDelivery d : heleket.awaitWebhooks(Duration.ofMinutes(2))) {
            if (d.status().equals("paid")) paid.put(d.orderId(), d.body());
        }
        byte[][] bodies = new byte[total][];
        for (int i = 0; i < total; i++) {
            bodies[i] = paid.get(orderIds[i]);
            if (bodies[i] == null) throw new IllegalStateException("no paid webhook for " + orderIds[i]);
        }
        return bodies;
    }

    private static HttpServer callbackSink() throws IOException {
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        sink.start();
        return sink;
    }

    // ---- measuring -----------------------------------------------------------------------------------------

    /**
     * Delivers webhooks {@code from .. from+count} on the HTTP threads, at {@code rate} per second
     * or back to back (rate 0), and waits until every buyer was notified.
     */
    private static Phase deliver(String name, HeleketWebhook webhook, byte[][] bodies, TimingNotifier notifier,
                                 ExecutorService http, int connections, int from, int count, int rate) throws InterruptedException {
        long[] started = new long[count];
        long[] replied = new long[count];
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(count);
        Runnable[] sends = new Runnable[count];
        for (int k = 0; k < count; k++) {
            int slot = k;
            sends[k] = () -> {
                WebhookReply reply = webhook.handle(bodies[from + slot], Optional.of(HELEKET));
                replied[slot] = System.nanoTime();
                if (!"PAID".equals(reply.body())) refused.incrementAndGet();
                answered.countDown();
            };
        }
        if (rate > 0) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            for (int k = 0; k < count; k++) {
                long due = t0 + k * interval;
                for (long wait; (wait = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                started[k] = due; // counted from when it was due: a late sender does not hide a stall
                http.execute(sends[k]);
            }
        } else {
            // as many connections as HTTP threads, each sending the next webhook once the last was answered
            AtomicInteger next = new AtomicInteger();
            for (int c = 0; c < connections; c++) {
                http.execute(() -> {
                    for (int k; (k = next.getAndIncrement()) < count; ) {
                        started[k] = System.nanoTime();
                        sends[k].run();
                    }
                });
            }
        }
        if (!answered.await(5, TimeUnit.MINUTES)) throw new IllegalStateException(name + ": webhooks still unanswered after 5 minutes");
        notifier.await(from, count, Duration.ofMinutes(5));
        long[] latency = new long[count];
        long[] reply = new long[count];
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            long notified = notifier.notifiedAt(from + k);
            latency[k] = notified - started[k];
            reply[k] = replied[k] - started[k];
            first = Math.min(first, started[k]);
            last = Math.max(last, notified);
        }
        if (refused.get() > 0) throw new IllegalStateException(name + ": " + refused.get() + " webhooks were not answered PAID");
        return new Phase(name, count, rate, latency, reply, last - first, loadAverage());
    }

    /**
     * What-if for {@code BENCH_WORKERS} above 1: that many fulfilment loops at once, each claiming
     * with {@code FOR UPDATE SKIP LOCKED} as workers in several bot processes would; woken by a
     * payment, else every second like bootstrap's scheduler.
     */
    private static final class FulfilmentLoops {
        private final FulfilmentWorker worker;
        private final List<Thread> threads = new ArrayList<>();
        private final Object signal = new Object();
        private volatile boolean stopped;
        private int wakeUps;

        FulfilmentLoops(FulfilmentWorker worker, int count) {
            this.worker = worker;
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::loop, "fulfilment-loop-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void wake() {
            synchronized (signal) {
                wakeUps++;
                signal.notify();
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            synchronized (signal) {
                signal.notifyAll();
            }
            for (Thread t : threads) t.join(5_000);
        }

        private void loop() {
            while (!stopped) {
                int done;
                try {
                    done = worker.runDueJobs();
                } catch (RuntimeException e) {
                    System.err.println("fulfilment loop: " + e);
                    done = 0;
                }
                if (done > 0) continue;
                synchronized (signal) {
                    if (wakeUps == 0 && !stopped) {
                        try {
                            signal.wait(1_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (wakeUps > 0) wakeUps--;
                }
            }
        }
    }

    /** One run's figures; times in nanoseconds. */
    private record Phase(String name, int count, int rate, long[] latency, long[] reply, long wallNanos, String load) {
        Phase {
            latency = latency.clone();
            reply = reply.clone();
            Arrays.sort(latency);
            Arrays.sort(reply);
        }

        double percentile(double p) {
            return at(latency, p);
        }

        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        private static double at(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String offered() {
            return rate == 0 ? "max" : Integer.toString(rate);
        }

        String row() {
            return String.format(Locale.ROOT, "%-8s %7d %9s %11.0f %8.1f %8.1f %8.1f %8.1f %9.1f %9.1f  %s", name, count,
                    offered(), perSecond(), at(latency, 0.50), at(latency, 0.90), at(latency, 0.99),
                    latency[latency.length - 1] / 1e6, at(reply, 0.50), at(reply, 0.99), load);
        }
    }

    /** Notifier adapter for the benchmark: when each buyer heard about their key, and how often. */
    private static final class TimingNotifier implements Notifier {
        private final AtomicLongArray notifiedAt;
        private final AtomicIntegerArray times;
        private final AtomicInteger others = new AtomicInteger();
        private final Object signal = new Object();

        private final Notifier real;

        /** @param real the notifier that takes keys on to buyers (then {@link #arrived} tells the time), or null */
        TimingNotifier(int buyers, Notifier real) {
            notifiedAt = new AtomicLongArray(buyers);
            times = new AtomicIntegerArray(buyers);
            this.real = real;
        }

        @Override
        public CompletionStage<Void> keyReady(Recipient to, VpnKey key, String serverName) {
            int i = (int) (to.user().telegramId() - FIRST_BUYER);
            times.incrementAndGet(i);
            if (real != null) return real.keyReady(to, key, serverName);
            arrived(i);
            return CompletableFuture.completedFuture(null);
        }

        /** The buyer's key reached them (the port, or the Bot API behind the real notifier). */
        void arrived(int buyer) {
            notifiedAt.compareAndSet(buyer, 0, System.nanoTime());
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        @Override
        public CompletionStage<Void> keyExtended(Recipient to, VpnKey key, String serverName) {
            others.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> paymentTooLow(Recipient to, Order order, Money paid) {
            others.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void expiryReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind) {
            others.incrementAndGet();
        }

        @Override
        public void alertAdmins(AdminAlert alert) {
            others.incrementAndGet();
            System.out.println("admin alert: " + alert);
        }

        @Override
        public void starsPaymentNews(Recipient to, dev.vpnbot.application.model.payment.StarPayment payment, java.time.Instant keyExpiry) {
            others.incrementAndGet();
        }

        long notifiedAt(int buyer) {
            return notifiedAt.get(buyer);
        }

        void await(int from, int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = from; i < from + count; i++) {
                synchronized (signal) {
                    while (notifiedAt.get(i) == 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) throw new IllegalStateException("buyer " + i + " not notified within " + timeout);
                        TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                    }
                }
            }
        }

        int notifiedMoreThanOnce() {
            int n = 0;
            for (int i = 0; i < times.length(); i++) if (times.get(i) > 1) n++;
            return n;
        }
    }

    // ---- checking that it was all real ------------------------------------------------------------------------

    private record Checks(long fulfilled, long activeKeys, int panelClients, long events, long jobsLeft, int notifiedTwice,
                          int expected, double panelRequestsPerKey) {
        boolean ok() {
            return fulfilled == expected && activeKeys == expected && panelClients == expected && events == expected
                    && jobsLeft == 0 && notifiedTwice == 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "checks: %d orders FULFILLED, %d keys ACTIVE, %d clients on the panel, %d payment events, "
                    + "%d jobs left, %d buyers notified twice (expected %d, %d, %d, %d, 0, 0): %s%n"
                    + "the panels served %.1f HTTP requests per key (logins included)", fulfilled, activeKeys, panelClients,
                    events, jobsLeft, notifiedTwice, expected, expected, expected, expected, ok() ? "ok" : "WRONG", panelRequestsPerKey);
        }
    }

    private static Checks check(DatabaseSettings settings, List<FakeThreeXuiPanel> panelHosts, TimingNotifier notifier, int total)
            throws Exception {
        int panelClients = (int) panelHosts.stream().flatMap(p -> p.storedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID).stream())
                .filter(c -> String.valueOf(c.get("email")).startsWith("vpnbot-")).count();
        return new Checks(count(settings, "SELECT count(*) FROM orders WHERE status = 'FULFILLED'"),
                count(settings, "SELECT count(*) FROM vpn_keys WHERE status = 'ACTIVE'"), panelClients,
                count(settings, "SELECT count(*) FROM payment_events"), count(settings, "SELECT count(*) FROM fulfilment_jobs"),
                notifier.notifiedMoreThanOnce(), total,
                panelHosts.stream().mapToInt(p -> p.requestLog().size()).sum() / (double) total);
    }

    // ---- small things ---------------------------------------------------------------------------------------

    static DatabaseSettings adminSettings() {
        String url = System.getenv("VPNBOT_BENCH_JDBC_URL");
        if (url == null || url.isBlank()) return TestDatabase.get().adminSettings();
        return new DatabaseSettings(url, System.getenv().getOrDefault("VPNBOT_BENCH_JDBC_USER", "postgres"),
                System.getenv().getOrDefault("VPNBOT_BENCH_JDBC_PASSWORD", ""));
    }

    private static long count(DatabaseSettings settings, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            c.setSchema(settings.schema());
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void dropSchema(DatabaseSettings settings) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + settings.schema() + "\" CASCADE");
        } catch (Exception e) {
            System.err.println("could not drop schema " + settings.schema() + ": " + e.getMessage());
        }
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, so figures need them beside them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.replace("_", ""));
    }
}
