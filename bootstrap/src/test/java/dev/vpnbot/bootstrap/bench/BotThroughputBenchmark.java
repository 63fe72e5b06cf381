package dev.vpnbot.bootstrap.bench;

import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test): the real jar, black-box, against the fake Bot API in this process and a
 * real PostgreSQL. The jar polls the fake for updates; this driver offers /start messages and
 * "My keys" presses at fixed rates and times each from the moment the update is offered to the
 * moment the bot's screen (sendMessage or editMessageText for that chat) reaches the fake; updates
 * the bot answered "busy" (its update queue full) are counted apart and not timed. After
 * every rate the same SQL runs through pgbench for as long, so each figure has its ceiling
 * beside it; /proc/loadavg is printed with every line (the machine is shared).
 *
 * <p>The database gets 100,000 users and BENCH_KEYS keys (1,000,000) on one server: the first
 * 20,000 users hold BENCH_USER_KEYS keys each (the presses come from them), the rest share the others.
 *
 * <p>Run by bench/bot.sh. Settings (environment): BENCH_JAR (bootstrap/target/vpnbot.jar),
 * BENCH_DB (vpnbot_bench; dropped and created), BENCH_PG (jdbc:postgresql://127.0.0.1:5432/),
 * BENCH_PG_USER (postgres), BENCH_RATES (500,1000,2000,3000), BENCH_SECONDS (5),
 * BENCH_KEYS (1000000), BENCH_USER_KEYS (20), BENCH_RTT_MS (0: the fake answers at once),
 * BENCH_SCENARIOS (start,keys), BENCH_TOKEN_HASHES (true: the pressing users' keys have their link's hash, as keys
 * the bot delivered do; false: every first press writes them), BENCH_LOG (bot's output, /tmp/vpnbot-bot-bench.log), BENCH_BOT_OPTS (the bot's JVM options), BENCH_WARMUP_SECONDS (20: /start and My keys at 300/s before the figures, unreported), BENCH_SQL_LOG (true: the bot's
 * sessions log every statement to PostgreSQL's log, to count round trips per update; use a rate of 1).
 */
public final class BotThroughputBenchmark {
    private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes, base64
    private static final int USERS = 100_000;
    private static final int PRESSING_USERS = 20_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private record Result(int offered, int answered, int busy, double perSecond, double p50, double p99, double max) {}
    /** The start of the bot's "busy, try again" (en), as a reply to a message or a button's pop-up. */
    private static final String BUSY = "⏳ The bot is busy";

    public static void main(String[] args) throws Exception {
        String jar = env("BENCH_JAR", "bootstrap/target/vpnbot.jar");
        String pg = env("BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/");
        String pgUser = env("BENCH_PG_USER", "postgres");
        String db = env("BENCH_DB", "vpnbot_bench");
        int seconds = Integer.parseInt(env("BENCH_SECONDS", "5"));
        int keys = Integer.parseInt(env("BENCH_KEYS", "1000000"));
        int userKeys = Integer.parseInt(env("BENCH_USER_KEYS", "20"));
        int[] rates = Arrays.stream(env("BENCH_RATES", "500,1000,2000,3000").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> scenarios = List.of(env("BENCH_SCENARIOS", "start,keys").split(","));

        // the fake's JDK HTTP server otherwise sends each answer's headers and body in two packets, and
        // Nagle's algorithm with the client's delayed ACK holds every answer about 40 ms (Telegram does not)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        recreate(pg, pgUser, db);
        try (FakeBotApi api = FakeBotApi.start()) {
            api.roundTrip(Duration.ofMillis(Long.parseLong(env("BENCH_RTT_MS", "0"))));
            // BENCH_SQL_LOG=true: the bot's own sessions log every statement (PostgreSQL's log; superuser only)
            String botUrl = pg + db + (env("BENCH_SQL_LOG", "false").equals("true") ? "?options=-c%20log_min_duration_statement%3D0" : "");
            Process bot = launch(jar, api, botUrl, pgUser);
            try {
                awaitPolling(api, bot);
                long seedStart = System.nanoTime();
                seed(pg + db, pgUser, keys, userKeys);
                System.out.printf("jar %s; %d users, %d keys (%d per pressing user), seeded in %d s; load %s%n", jar, USERS, keys,
                        userKeys, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - seedStart), loadAverage());
                if (!scenarios.equals(List.of("broadcast")))
                    System.out.printf("%-6s %6s %11s %6s %9s %8s %8s %8s %10s %6s  %s%n", "what", "rate", "answered", "busy", "answers/s",
                        "p50_ms", "p99_ms", "max_ms", "pgbench/s", "ratio", "load");
                int offset = 0;
                // the JIT compiles the hot paths in the first tens of seconds (C2 took ~30 % of the bot's CPU in a
                // 30-second run from a cold start): the figures are for a warmed-up bot, as one in production is
                int warmup = scenarios.equals(List.of("broadcast")) ? 0 : Integer.parseInt(env("BENCH_WARMUP_SECONDS", "20"));
                for (int s = 0; s < warmup; s += 2) {
                    for (String scenario : List.of("start", "keys")) offset += offer(api, scenario, 300, 1, offset).offered();
                }
                if (warmup > 0) System.out.printf("warmed up for %d s (/start and My keys at 300/s); load %s%n", warmup, loadAverage());
                for (String scenario : scenarios) {
                    if (scenario.equals("broadcast")) {
                        broadcast(api, pg + db, pgUser, Integer.parseInt(env("BENCH_BROADCAST_USERS", "2000")));
                        continue;
                    }
                    for (int rate : rates) {
                        ProcessCpu cpu = ProcessCpu.now(bot);
                        Result r = offer(api, scenario, rate, seconds, offset);
                        String cost = ProcessCpu.now(bot).perUpdateSince(cpu, r.answered() + r.busy());
                        offset += r.offered();
                        String loadBot = loadAverage();
                        double tps = pgbench(db, pgUser, scenario, seconds, userKeys);
                        System.out.printf("%-6s %6d %11s %6d %9.0f %8.1f %8.1f %8.1f %10.0f %6.2f  %s | pgbench %s%n", scenario, rate,
                                r.answered() + "/" + r.offered(), r.busy(), r.perSecond(), r.p50(), r.p99(), r.max(), tps, r.perSecond() / tps,
                                loadBot, loadAverage());
                        System.out.printf("       %s%n", cost);
                    }
                }
            } finally {
                bot.destroy(); // SIGTERM: the bot stops in order
                if (!bot.waitFor(30, TimeUnit.SECONDS)) bot.destroyForcibly();
            }
        }
    }

    /**
     * A broadcast to the first {@code users} users, started as the admin's confirmation leaves it
     * (a SENDING row); the fake keeps Telegram's flood limit of 30 a second. Prints messages per
     * second from the first to the last delivery and the 429s the bot met.
     */
    private static void broadcast(FakeBotApi api, String url, String user, int users) throws Exception {
        api.floodLimit(30);
        List<Long> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        api.onCall(call -> {
            if (call.method().equals("sendmessage") && call.ok() && call.text().equals("bench broadcast")) delivered.add(call.atNanos());
        });
        try (Connection c = DriverManager.getConnection(url, user, env("BENCH_PG_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("SET search_path = vpnbot");
            s.execute("UPDATE users SET blocked = true WHERE id > " + users);
            s.execute("INSERT INTO broadcasts (id, author_id, text, audience, status, sent, blocked, failed, last_recipient, created_at)"
                    + " VALUES (1, 1, 'bench broadcast', 'ALL', 'SENDING', 0, 0, 0, 0, now())");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(users / 5 + 60);
        while (delivered.size() < users && System.nanoTime() < deadline) Thread.sleep(100);
        api.onCall(c -> {});
        long[] at = delivered.stream().mapToLong(Long::longValue).sorted().toArray();
        double span = at.length < 2 ? Double.NaN : (at[at.length - 1] - at[0]) / 1e9;
        System.out.printf("broadcast to %d users (rtt %s ms): %d delivered in %.1f s = %.1f msg/s (ceiling 30/s: %.2f), %d x 429; load %s%n",
                users, env("BENCH_RTT_MS", "0"), at.length, span, (at.length - 1) / span, (at.length - 1) / span / 30,
                api.floodRefusals(), loadAverage());
    }

    /** Offers {@code rate} updates a second for {@code seconds}, each from its own chat, and waits for every screen. */
    private static Result offer(FakeBotApi api, String scenario, int rate, int seconds, int offset) throws InterruptedException {
        Map<Long, Long> waiting = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] lastAnswer = {0};
        java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
        api.onCall(call -> {
            String m = call.method();
            boolean busyAnswer = (m.equals("sendmessage") || m.equals("answercallbackquery")) && call.params().getOrDefault("text", "").startsWith(BUSY);
            if (busyAnswer) {
                // answered "busy" and dropped: not a screen, and no screen will follow
                long chat = m.equals("sendmessage") ? call.chatId() : queryUser(call.params().getOrDefault("callback_query_id", ""));
                if (waiting.remove(chat) != null) busy.incrementAndGet();
                return;
            }
            if (!m.equals("sendmessage") && !m.equals("editmessagetext") && !m.equals("sendphoto")) return;
            Long sent = waiting.remove(call.chatId());
            if (sent == null) return;
            latencies.add(call.atNanos() - sent);
            synchronized (lastAnswer) {
                lastAnswer[0] = Math.max(lastAnswer[0], call.atNanos());
            }
        });
        int total = rate * seconds;
        if (env("BENCH_SQL_LOG", "false").equals("true")) System.out.printf("%s: offering %s from %s%n", scenario, total, java.time.Instant.now());
        LongConsumer send = scenario.equals("keys")
                ? chat -> api.userPresses(chat, "Bench", "en", 1, "k")
                : chat -> api.userSends(chat, "Bench", "en", "/start");
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long early = due - System.nanoTime();
            if (early > 0) LockSupport.parkNanos(early);
            long chat = scenario.equals("keys") ? 1 + (offset + i) % PRESSING_USERS : 1 + (offset + i) % USERS;
            waiting.put(chat, System.nanoTime());
            send.accept(chat);
        }
        // past its budget of "busy" answers a second the bot drops an update without one: stop waiting
        // once nothing has come for 3 s (those updates count as offered and not answered)
        long offered = System.nanoTime();
        long deadline = offered + TimeUnit.SECONDS.toNanos(30);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            long quietSince;
            synchronized (lastAnswer) {
                quietSince = Math.max(offered, lastAnswer[0]);
            }
            if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(3)) break;
            Thread.sleep(20);
        }
        api.onCall(c -> {});
        if (env("BENCH_SQL_LOG", "false").equals("true")) System.out.printf("%s: answered by %s%n", scenario, java.time.Instant.now());
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double span = Math.max(1, (lastAnswer[0] == 0 ? System.nanoTime() : lastAnswer[0]) - start) / 1e9;
        return new Result(total, sorted.length, busy.get(), sorted.length / span, ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** The fake's callback query ids are "cb&lt;user id&gt;-&lt;nanos&gt;" (a press in the user's private chat). */
    private static long queryUser(String queryId) {
        int dash = queryId.indexOf('-');
        return queryId.startsWith("cb") && dash > 2 ? Long.parseLong(queryId.substring(2, dash)) : 0;
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** The SQL the screen needs (user, then its page of keys and the server names; /start: the user and its conversation). */
    private static double pgbench(String db, String user, String scenario, int seconds, int userKeys) throws IOException, InterruptedException {
        Path script = Files.createTempFile("vpnbot-bench", ".sql");
        Files.writeString(script, scenario.equals("keys") ? """
                \\set id random(1, %d)
                SELECT * FROM vpnbot.users WHERE id = :id;
                SELECT * FROM vpnbot.conversation_states WHERE chat_id = :id;
                SELECT * FROM vpnbot.vpn_keys WHERE user_id = :id AND status <> 'DELETED' ORDER BY expires_at DESC, id DESC LIMIT 21;
                SELECT id, name FROM vpnbot.servers WHERE retired_at IS NULL;
                """.formatted(PRESSING_USERS) : """
                \\set id random(1, %d)
                SELECT * FROM vpnbot.users WHERE id = :id;
                SELECT * FROM vpnbot.conversation_states WHERE chat_id = :id;
                UPDATE vpnbot.users SET first_name = 'Bench' WHERE id = :id;
                """.formatted(USERS));
        Process p = new ProcessBuilder("pgbench", "-n", "-c", "8", "-j", "2", "-T", String.valueOf(seconds), "-h", "127.0.0.1",
                "-U", user, "-f", script.toString(), db).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.deleteIfExists(script);
        Matcher m = TPS.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static Process launch(String jar, FakeBotApi api, String url, String user) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("vpnbot-bench-data");
        List<String> command = new ArrayList<>(List.of("java", "-XX:ActiveProcessorCount=2", "-Xmx512m"));
        String botOptions = env("BENCH_BOT_OPTS", "");   // e.g. -XX:StartFlightRecording=filename=/tmp/bot.jfr
        if (!botOptions.isBlank()) command.addAll(List.of(botOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar, "run"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", api.baseUrl());
        env.put("TELEGRAM_MODE", "polling");
        env.put("DATABASE_URL", url);
        env.put("DATABASE_USER", user);
        env.put("DATABASE_PASSWORD", env("BENCH_PG_PASSWORD", ""));
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("DATA_DIR", data.toString());
        env.put("SECRET_KEY", SECRET);
        env.put("PAYMENT_TEST_MODE", "true");
        File log = new File(env("BENCH_LOG", "/tmp/vpnbot-bot-bench.log"));
        return pb.redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitPolling(FakeBotApi api, Process bot) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (api.calls("getUpdates").isEmpty()) {
            if (!bot.isAlive()) throw new IllegalStateException("the bot exited; see " + env("BENCH_LOG", "/tmp/vpnbot-bot-bench.log"));
            if (System.nanoTime() > deadline) throw new IllegalStateException("the bot never polled for updates");
            Thread.sleep(100);
        }
    }

    private static void recreate(String pg, String user, String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg + "postgres", user, env("BENCH_PG_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
        }
    }

    /**
     * After the jar migrated (whatever its version): the server with its password sealed as the
     * jar opens it (servers/&lt;id&gt;/panel_secret), the rest in SQL.
     */
    private static void seed(String url, String user, int keys, int userKeys) throws SQLException {
        byte[] secret = new SecretBox(SecretBox.parseKey(SECRET)).seal("bench-password", "servers/1/panel_secret");
        int pressingKeys = PRESSING_USERS * userKeys;
        try (Connection c = DriverManager.getConnection(url, user, env("BENCH_PG_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("SET search_path = vpnbot");
            try (var insert = c.prepareStatement("INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret,"
                    + " inbound_id, is_active, max_clients) VALUES (1, '🇩🇪 Frankfurt', 'https://panel.bench.invalid:2053/x/', 'password',"
                    + " 'admin', ?, 1, true, 10000000)")) {
                insert.setBytes(1, secret);
                insert.execute();
            }
            s.execute("SELECT setval('server_ids', 1)");
            s.execute("""
                    INSERT INTO users (id, first_name, username, language, time_zone, blocked, registered_at)
                    SELECT g, 'User ' || g, 'user' || g, 'EN', NULL, false, now() - interval '30 days'
                      FROM generate_series(1, %d) g""".formatted(USERS));
            // a schema that keeps the server load (V7) counts it once after the bulk load, not per row
            boolean keptLoad = c.getMetaData().getTables(null, "vpnbot", "server_load", null).next();
            if (keptLoad) s.execute("SET session_replication_role = replica");
            s.execute("""
                    INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status,
                                          subscription_url, vless_url, created_at)
                    SELECT g, u, 1, gen_random_uuid(), 'vpnbot-k' || g || '-u' || u, 'k' || g || 'sub', e, 'ACTIVE',
                           'https://sub.example/sub/k' || g, 'vless://' || g || '@server.example:443', e - interval '30 days'
                      FROM (SELECT g,
                                   CASE WHEN g <= %d THEN 1 + (g - 1) / %d ELSE %d + 1 + g %% %d END AS u,
                                   now() + (g %% 400 - 40) * interval '1 day' AS e
                              FROM generate_series(1, %d) g) k""".formatted(pressingKeys, userKeys, PRESSING_USERS,
                    USERS - PRESSING_USERS, keys));
            if (keptLoad) {
                s.execute("""
                        INSERT INTO server_load (server_id, expires_on, shard, keys)
                        SELECT server_id, (expires_at AT TIME ZONE 'UTC')::date, id % 16, count(*) FROM vpn_keys
                         WHERE status IN ('ACTIVE', 'PROVISIONING') GROUP BY 1, 2, 3""");
                s.execute("SET session_replication_role = DEFAULT");
            }
            if (keys > 0) s.execute("SELECT setval('key_ids', " + keys + ")");
            if (env("BENCH_TOKEN_HASHES", "true").equals("true")) tokenHashes(c, Math.min(keys, pressingKeys));
            s.execute("VACUUM ANALYZE users, vpn_keys");
        }
    }

    /**
     * The subscription token hashes of the pressing users' keys, as the bot writes them when it
     * delivers a key (its "key ready" notice shows the link): base64url(HMAC(secret, seed)), hashed
     * with SHA-256 (PostgresSubscriptionTokens). Keys from before the bot had its own links have
     * none and get theirs on first showing; BENCH_TOKEN_HASHES=false measures that first press.
     */
    private static void tokenHashes(Connection c, int upTo) throws SQLException {
        SecretBox box = new SecretBox(SecretBox.parseKey(SECRET));
        StringBuilder rows = new StringBuilder();
        try (Statement s = c.createStatement();
             var seeds = s.executeQuery("SELECT id, sub_token_seed FROM vpn_keys WHERE id <= " + upTo)) {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            while (seeds.next()) {
                String token = b64.encodeToString(box.mac("vpnbot subscription token v1", seeds.getBytes(2)));
                byte[] hash = sha.digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                rows.append(seeds.getLong(1)).append("\t\\\\x").append(java.util.HexFormat.of().formatHex(hash)).append('\n');
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_hashes (id bigint PRIMARY KEY, hash bytea NOT NULL)");
            try {
                new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                        .copyIn("COPY bench_hashes FROM STDIN", new java.io.StringReader(rows.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            s.execute("UPDATE vpn_keys k SET sub_token_hash = h.hash FROM bench_hashes h WHERE k.id = h.id");
            s.execute("DROP TABLE bench_hashes");
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
