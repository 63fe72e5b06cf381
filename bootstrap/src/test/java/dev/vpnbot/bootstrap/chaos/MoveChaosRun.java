package dev.vpnbot.bootstrap.chaos;

import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * kill -9 while a server is evacuated (issue 17, docs/MOVES.md; bench/chaos-moves.sh): the real jar
 * (bootstrap/target/vpnbot.jar run) on real PostgreSQL moves CHAOS_KEYS (300) keys from a fake 3x-ui
 * v2.8 to a fake v3.6 with MOVE_DELETE_DELAY=1s and the drift repair every minute, and is killed with
 * SIGKILL at random moments (CHAOS_KILL_MIN_S..CHAOS_KILL_MAX_S after each start, 10..40 s) until the
 * evacuation is finished, then once more started to settle. Checks: every key lives on the target
 * with exactly one client there (enabled, same UUID and subId, expiry equal to the database's to the
 * millisecond), no client of ours left on the source, every placement on the source disabled, no
 * user told twice. Exit status 1 on any violation.
 */
public final class MoveChaosRun {
    private static final ServerId SOURCE = new ServerId(1);
    private static final ServerId TARGET = new ServerId(2);
    private static final UserId ADMIN = new UserId(900);
    private static final int INBOUND = FakeThreeXuiPanel.REALITY_INBOUND_ID;

    private MoveChaosRun() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "bootstrap/target/vpnbot.jar");
        int keys = intEnv("CHAOS_KEYS", 300);
        int killMin = intEnv("CHAOS_KILL_MIN_S", 10);
        int killMax = intEnv("CHAOS_KILL_MAX_S", 40);
        DatabaseSettings base = TestDatabase.get().adminSettings();
        String dbName = "vpnbot_chaos_moves_" + ProcessHandle.current().pid();
        String dbUrl = base.jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + dbName);
        ChaosRun.admin(base, "DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
        ChaosRun.admin(base, "CREATE DATABASE " + dbName);
        Path work = Files.createTempDirectory("vpnbot-chaos-moves");
        int status;
        long started = System.nanoTime();
        DatabaseSettings settings = new DatabaseSettings(dbUrl, base.user(), base.password());
        try (FakeThreeXuiPanel source = FakeThreeXuiPanel.builder().profile(FakeThreeXuiPanel.Profile.V2_8).start();
             FakeThreeXuiPanel target = FakeThreeXuiPanel.builder().profile(FakeThreeXuiPanel.Profile.V3_6).start();
             FakeBotApi telegram = FakeBotApi.start();
             PostgresPersistence records = PostgresPersistence.open(settings, TestDatabase.SECRET_KEY, Clock.systemUTC())) {
            records.servers().save(new Server(SOURCE, "Old", source.connection(), INBOUND, true, keys * 2, 0));
            records.servers().save(new Server(TARGET, "New", target.connection(), INBOUND, true, keys * 2, 0));
            List<VpnKey> seeded = seed(records, keys);
            Evacuation e = records.evacuations().start(SOURCE, TARGET, ADMIN, Instant.now()).orElseThrow();
            records.servers().save(records.servers().find(SOURCE).orElseThrow().withActive(false));
            System.out.printf("seeded %d keys; evacuation %d of server 1 to server 2 written (load %s)%n", keys, e.id(), ChaosRun.loadavg());

            BotProcess bot = new BotProcess(jar, environment(dbUrl, base, telegram, work), work.resolve("bot.log").toFile());
            Random random = new Random();
            int kills = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(intEnv("CHAOS_MINUTES", 12)).toNanos();
            countOpenMoves(dbUrl, base);
            while (!settled(records, e.id()) && System.nanoTime() < deadline) {
                bot.start();
                long lifeEnd = System.nanoTime() + Duration.ofSeconds(killMin + random.nextInt(killMax - killMin + 1)).toNanos();
                while (System.nanoTime() < lifeEnd && !settled(records, e.id())) {
                    Thread.sleep(200);
                    countOpenMoves(dbUrl, base);
                }
                if (settled(records, e.id())) break;
                bot.kill();
                kills++;
                System.out.printf("kill -9 #%d: %s (load %s)%n", kills, progress(records, e.id()), ChaosRun.loadavg());
            }
            if (!bot.alive()) bot.start();
            Thread.sleep(3000); // one more round for anything the last life left
            bot.stop();
            List<String> violations = check(records, seeded, source, target, telegram, e.id());
            System.out.printf("kill -9 during an evacuation of %d keys: %d kills, %d s; %s (load %s)%n", keys, kills,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), progress(records, e.id()), ChaosRun.loadavg());
            violations.stream().limit(20).forEach(v -> System.out.println("VIOLATION " + v));
            System.out.println(violations.isEmpty() ? "verdict: OK" : "verdict: FAILED (" + violations.size() + " violations)");
            status = violations.isEmpty() ? 0 : 1;
        } finally {
            if (!"true".equals(System.getenv("CHAOS_KEEP"))) ChaosRun.admin(base, "DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            System.out.println("(bot log: " + work.resolve("bot.log") + ")");
        }
        System.exit(status);
    }

    /** Finished, and every old client deleted (no move left open). */
    private static boolean settled(PostgresPersistence records, long evacuation) {
        return records.evacuations().find(evacuation).orElseThrow().phase() == Evacuation.Phase.FINISHED && openMoves == 0;
    }

    private static long openMoves;

    /** Moves not done yet, counted directly (the harness must not claim them). */
    private static void countOpenMoves(String dbUrl, DatabaseSettings base) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(dbUrl, base.user(), base.password()); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM vpnbot.key_moves WHERE state IN ('REQUESTED', 'TARGET_PLACED', 'SOURCE_DISABLED')")) {
            rs.next();
            openMoves = rs.getLong(1);
        }
    }

    private static String progress(PostgresPersistence records, long evacuation) {
        var p = records.evacuations().progress(evacuation);
        return "moved " + p.moved() + ", waiting " + p.waiting() + ", failed " + p.failed() + ", skipped " + p.skipped()
                + ", phase " + records.evacuations().find(evacuation).orElseThrow().phase();
    }

    private static List<String> check(PostgresPersistence records, List<VpnKey> seeded, FakeThreeXuiPanel source, FakeThreeXuiPanel target,
                                      FakeBotApi telegram, long evacuation) {
        List<String> violations = new ArrayList<>();
        for (VpnKey before : seeded) {
            VpnKey key = records.keys().find(before.id()).orElseThrow();
            String k = "key " + key.id() + ": ";
            if (!key.serverId().equals(TARGET)) violations.add(k + "lives on " + key.serverId());
            if (!key.expiresAt().equals(before.expiresAt())) violations.add(k + "expiry changed");
            if (!key.client().equals(before.client())) violations.add(k + "identity changed");
            List<Map<String, Object>> onTarget = target.storedClients(INBOUND).stream().filter(c -> key.client().email().equals(c.get("email"))).toList();
            if (onTarget.size() != 1) violations.add(k + onTarget.size() + " clients on the target");
            for (Map<String, Object> c : onTarget) {
                if (!Boolean.TRUE.equals(c.get("enable"))) violations.add(k + "target client switched off");
                if (!key.client().uuid().toString().equals(c.get("id"))) violations.add(k + "target UUID differs");
                if (!key.client().subId().equals(c.get("subId"))) violations.add(k + "target subId differs");
                if (((Number) c.get("expiryTime")).longValue() != key.expiresAt().toEpochMilli()) violations.add(k + "target expiry differs");
            }
            if (source.storedClient(key.client().email()).isPresent()) violations.add(k + "still on the source");
            records.placements().find(key.id(), SOURCE).filter(p -> p.status() != PlacementStatus.DISABLED)
                    .ifPresent(p -> violations.add(k + "source placement " + p.status()));
        }
        Map<Long, Integer> told = new HashMap<>();
        for (FakeBotApi.Call call : telegram.calls()) {
            if (call.text() != null && call.text().contains("Ваш ключ перенесён")) told.merge(call.chatId(), 1, Integer::sum);
        }
        told.forEach((chat, n) -> {
            if (n > 1) violations.add("user " + chat + " told " + n + " times");
        });
        System.out.printf("users told: %d of %d (a kill between the ledger and the send loses one rather than repeating it)%n",
                told.size(), Math.min(100, seeded.size()));
        if (records.evacuations().progress(evacuation).moved() != seeded.size()) violations.add("evacuation counts "
                + records.evacuations().progress(evacuation).moved() + " moved");
        return violations;
    }

    private static List<VpnKey> seed(PostgresPersistence db, int keys) {
        ClientLimits limits = ClientLimits.paidOnly(PurchaseSettings.defaults());
        Server server = db.servers().find(SOURCE).orElseThrow();
        Instant now = Instant.now();
        List<VpnKey> seeded = new ArrayList<>();
        for (int u = 0; u < Math.min(100, keys); u++) db.users().save(UserMother.russian(10_000 + u));
        try (ThreeXuiPanel panel = new ThreeXuiPanel(ThreeXuiSettings.defaults(), Clock.systemUTC())) {
            for (int i = 0; i < keys; i++) {
                KeyId id = db.keys().nextId();
                UserId owner = new UserId(10_000 + i % 100);
                PanelClientId client = new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id.value() + "-u" + owner.telegramId(),
                        UUID.randomUUID().toString().replace("-", "").substring(0, 16));
                VpnKey reserved = VpnKey.reserve(id, owner, SOURCE, client, Duration.ofDays(30), now);
                db.keys().save(reserved);
                KeyLinks links = panel.repairClient(server, limits.client(client, reserved)).links();
                VpnKey active = reserved.activated(links);
                db.keys().save(active);
                db.placements().save(Placement.pending(reserved, SOURCE, now).activated(links));
                seeded.add(active);
            }
        }
        return seeded;
    }

    private static Map<String, String> environment(String dbUrl, DatabaseSettings base, FakeBotApi telegram, Path work) {
        return Map.ofEntries(Map.entry("BOT_TOKEN", FakeBotApi.TOKEN), Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("TELEGRAM_MODE", "polling"), Map.entry("DATABASE_URL", dbUrl), Map.entry("DATABASE_USER", base.user()),
                Map.entry("DATABASE_PASSWORD", base.password() == null ? "" : base.password()),
                Map.entry("SECRET_KEY", HexFormat.of().formatHex(TestDatabase.SECRET_KEY)), Map.entry("PAYMENT_TEST_MODE", "true"),
                Map.entry("ADMIN_IDS", "900"), Map.entry("DATA_DIR", work.resolve("data").toString()),
                Map.entry("PANEL_DRIFT_INTERVAL", "1m"), Map.entry("MOVE_DELETE_DELAY", "1s"), Map.entry("VPNBOT_LOG_LEVEL", "INFO"));
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }
}
