package dev.vpnbot.bootstrap.moneypath.bench;

import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Started;
import dev.vpnbot.application.port.out.notify.MoveNews;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.application.service.move.EvacuationNotices;
import dev.vpnbot.application.service.move.MoveSettings;
import dev.vpnbot.application.service.move.Moves;
import dev.vpnbot.application.service.move.ServerEvacuation;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (bench/evacuate.sh; not a test): evacuate BENCH_KEYS (1,000) keys from a fake 3x-ui v2.8
 * to a fake v3.6 through real PostgreSQL and the real panel adapter, with BENCH_PROCESSES (2) bot
 * processes (each its own pool, panel adapter and PostgreSQL panel write lock) running
 * BENCH_THREADS (2) move-job loops each. Prints the time, keys/s and the peak number of
 * simultaneous writes each fake panel saw (the single-writer rule: must be 1), with the load
 * average; exit status 1 when a key did not move or a panel saw two writes at once.
 */
public final class EvacuationBenchmark {
    private static final ServerId SOURCE = new ServerId(1);
    private static final ServerId TARGET = new ServerId(2);
    private static final UserId ADMIN = new UserId(900);
    private static final ThreeXuiSettings PANEL = ThreeXuiSettings.defaults()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

    private EvacuationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int keys = intEnv("BENCH_KEYS", 1000);
        int processes = intEnv("BENCH_PROCESSES", 2);
        int threads = intEnv("BENCH_THREADS", 2);
        TestSchema schema = TestDatabase.get().newSchema();
        FakeThreeXuiPanel source = FakeThreeXuiPanel.builder().profile(FakeThreeXuiPanel.Profile.V2_8).start();
        FakeThreeXuiPanel target = FakeThreeXuiPanel.builder().profile(FakeThreeXuiPanel.Profile.V3_6).start();
        List<Process> bots = new ArrayList<>();
        int status;
        try {
            PostgresPersistence.migrate(schema.settings());
            for (int i = 0; i < processes; i++) bots.add(new Process(schema));
            Process first = bots.get(0);
            first.db.servers().save(new Server(SOURCE, "Frankfurt (v2.8)", source.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true,
                    keys * 2, 0));
            first.db.servers().save(new Server(TARGET, "Helsinki (v3.6)", target.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true,
                    keys * 2, 0));
            long seedStart = System.nanoTime();
            seed(first, keys);
            System.out.printf(Locale.ROOT, "seeded %d keys on the v2.8 panel in %.1f s (load %s)%n", keys, seconds(seedStart), load());
            status = run(bots, keys, threads, source, target);
        } finally {
            for (Process p : bots) p.close();
            source.close();
            target.close();
            if (!"true".equals(System.getenv("BENCH_KEEP"))) schema.drop();
        }
        System.exit(status);
    }

    private static int run(List<Process> bots, int keys, int threads, FakeThreeXuiPanel source, FakeThreeXuiPanel target)
            throws Exception {
        Process first = bots.get(0);
        long start = System.nanoTime();
        Started started = first.evacuation.start(ADMIN, SOURCE, TARGET);
        long id = ((Started.Evacuating) started).evacuation().id();
        first.evacuation.runDue(); // planning: a move per key
        double planned = seconds(start);
        ExecutorService pool = Executors.newFixedThreadPool(bots.size() * threads);
        List<Future<?>> loops = new ArrayList<>();
        for (Process p : bots) {
            for (int t = 0; t < threads; t++) {
                loops.add(pool.submit(() -> {
                    while (first.db.evacuations().progress(id).waiting() > 0) {
                        if (p.moves.worker().runDueMoves().claimed() == 0) Thread.sleep(5);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> loop : loops) loop.get(30, TimeUnit.MINUTES);
        pool.shutdown();
        first.evacuation.runDue(); // finished, reported
        double total = seconds(start);
        EvacuationProgress progress = first.db.evacuations().progress(id);
        long onTarget = first.db.keys().activeOn(TARGET, Instant.now(), null, keys * 2).size();
        int enabledOnTarget = (int) target.storedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID).stream()
                .filter(c -> String.valueOf(c.get("email")).startsWith("vpnbot-") && Boolean.TRUE.equals(c.get("enable"))).count();
        int enabledOnSource = (int) source.storedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID).stream()
                .filter(c -> String.valueOf(c.get("email")).startsWith("vpnbot-") && Boolean.TRUE.equals(c.get("enable"))).count();
        System.out.printf(Locale.ROOT, "evacuated %d keys (%d processes x %d move loops): planning %.2f s, total %.2f s, %.1f keys/s (load %s)%n",
                progress.moved(), bots.size(), threads, planned, total, progress.moved() / total, load());
        System.out.printf(Locale.ROOT, "peak simultaneous writes: v2.8 panel %d, v3.6 panel %d (must be 1)%n",
                source.maxConcurrentWrites(), target.maxConcurrentWrites());
        System.out.printf(Locale.ROOT, "moved %d, waiting %d, failed %d, skipped %d; keys home on the target %d; enabled clients: target %d,"
                        + " source %d; owners told %d%n", progress.moved(), progress.waiting(), progress.failed(), progress.skipped(), onTarget,
                enabledOnTarget, enabledOnSource, NOTICES.get());
        boolean ok = progress.moved() == keys && onTarget == keys && enabledOnTarget == keys && enabledOnSource == 0
                && source.maxConcurrentWrites() <= 1 && target.maxConcurrentWrites() <= 1;
        System.out.println(ok ? "OK" : "FAILED");
        return ok ? 0 : 1;
    }

    /** Keys of 100 users, each with its client on the source panel (made through the adapter, as a delivery would). */
    private static void seed(Process p, int keys) {
        ClientLimits limits = ClientLimits.paidOnly(PurchaseSettings.defaults());
        Server source = p.db.servers().find(SOURCE).orElseThrow();
        Instant now = Instant.now();
        for (int u = 0; u < Math.min(100, keys); u++) p.db.users().save(UserMother.russian(10_000 + u));
        for (int i = 0; i < keys; i++) {
            KeyId id = p.db.keys().nextId();
            UserId owner = new UserId(10_000 + i % 100);
            PanelClientId client = new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id.value() + "-u" + owner.telegramId(),
                    UUID.randomUUID().toString().replace("-", "").substring(0, 16));
            VpnKey reserved = VpnKey.reserve(id, owner, SOURCE, client, Duration.ofDays(30), now);
            p.db.keys().save(reserved);
            KeyLinks links = p.panel.repairClient(source, limits.client(client, reserved)).links();
            p.db.keys().save(reserved.activated(links));
            p.db.placements().save(Placement.pending(reserved, SOURCE, now).activated(links));
        }
    }

    private static final AtomicInteger NOTICES = new AtomicInteger();

    /** One bot process: its own pool, panel adapter (holding the database's per-panel write lock) and move job. */
    private static final class Process implements AutoCloseable {
        final PostgresPersistence db;
        final ThreeXuiPanel panel;
        final Moves moves;
        final ServerEvacuation evacuation;

        Process(TestSchema schema) {
            db = PostgresPersistence.connect(schema.settings(), TestDatabase.SECRET_KEY, Clock.systemUTC());
            panel = new ThreeXuiPanel(PANEL, Clock.systemUTC(), db.panelWriteLock(Duration.ofSeconds(60)));
            RecordingNotifier notifier = new RecordingNotifier();
            KeyPlacing placing = new KeyPlacing(db.placements(), db.serverGroups(), db.servers(), panel, notifier, PurchaseSettings.defaults());
            MoveNews news = (to, key, from, target) -> NOTICES.incrementAndGet();
            moves = new Moves(new Moves.Ports(db.keys(), db.placements(), db.servers(), db.linkResets(), db.keyMoves(), placing, panel,
                    db.transactions(), Clock.systemUTC()), MoveSettings.defaults(),
                    new EvacuationNotices(db.keys(), db.users(), db.servers(), db.sentNotifications(), news));
            evacuation = new ServerEvacuation(moves, new Admins(Set.of(ADMIN)), db.servers(), db.keys(), db.keyMoves(), db.evacuations(),
                    db.transactions(), notifier, Clock.systemUTC());
        }

        @Override
        public void close() {
            panel.close();
            db.close();
        }
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
