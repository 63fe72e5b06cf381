package dev.vpnbot.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot ({@code vpnbot run} in a JVM of its own) started as a new operator would, with
 * Telegram or its own PostgreSQL unreachable: start-up does not wait for Telegram, each outage
 * is one clear line naming the service, its address and what to check, retries stay out of the
 * log, and SIGTERM ends the process within 5 s in every phase.
 */
class StartAndStopUnderOutagesTest {
    private static final Duration SIGTERM_BUDGET = Duration.ofSeconds(5);
    /** Starting a second JVM on a busy 2-core machine: generous, it only bounds a failure. */
    private static final Duration JVM_START = Duration.ofSeconds(90);
    private static final Pattern HTTP_PORT = Pattern.compile("HTTP server listening on \\S+ port (\\d+)");

    @TempDir
    Path workDir;
    private String database;
    private ChildBot bot;

    @BeforeEach
    void ownDatabase() {
        database = "vpnbot_outage_" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(4));
        TestDatabase.get().execute("CREATE DATABASE " + database);
    }

    @AfterEach
    void cleanUp() {
        if (bot != null) bot.close();
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void telegram_unreachable_is_one_clear_line_then_quiet_retries_and_sigterm_ends_the_running_bot_within_5_s() throws Exception {
        int telegram = closedPort();
        bot = ChildBot.run(environment(telegram), workDir, "run");

        String listening = bot.awaitLine(HTTP_PORT.asPredicate(), JVM_START);
        String outage = "Telegram Bot API at http://127.0.0.1:" + telegram
                + " unreachable (connection refused); check TELEGRAM_API_URL and the network";
        bot.awaitLine(line -> line.endsWith(outage), Duration.ofSeconds(30));
        // several retries later (the health check counts the failed calls), still one line and no stack trace
        awaitHealth(port(listening), body -> failedCalls(body) >= 4, Duration.ofSeconds(60));

        List<String> lines = bot.lines();
        assertThat(lines).filteredOn(l -> l.contains("Telegram Bot API at")).hasSize(1);
        assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
        assertThat(lines).anyMatch(l -> l.contains(" is ready, ")); // the start-up finished without Telegram
        assertThat(bot.terminate()).isLessThan(SIGTERM_BUDGET);
    }

    @Test
    void sigterm_while_the_first_telegram_calls_are_being_retried_ends_the_bot_within_5_s() throws Exception {
        int telegram = closedPort();
        bot = ChildBot.run(environment(telegram), workDir, "run");

        bot.awaitLine(line -> line.contains("Telegram Bot API at") && line.contains("unreachable"), JVM_START);

        assertThat(bot.terminate()).isLessThan(SIGTERM_BUDGET);
    }

    @Test
    void sigterm_during_start_up_ends_the_bot_within_5_s() throws Exception {
        bot = ChildBot.run(environment(closedPort()), workDir, "run");

        bot.awaitLine(line -> line.contains("PAYMENT_TEST_MODE is on"), JVM_START); // configuration read, database next

        assertThat(bot.terminate()).isLessThan(SIGTERM_BUDGET);
    }

    @Test
    void its_own_database_down_at_start_is_one_clear_line_naming_the_address_within_seconds() throws Exception {
        int postgres = closedPort();
        Map<String, String> env = environment(closedPort());
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + postgres + "/vpnbot");
        bot = ChildBot.run(env, workDir, "run");

        bot.awaitLine(line -> line.contains("PAYMENT_TEST_MODE is on"), JVM_START);
        long configured = System.nanoTime();
        int exit = bot.awaitExit(Duration.ofSeconds(60));
        Duration toVerdict = Duration.ofNanos(System.nanoTime() - configured);

        assertThat(exit).isEqualTo(1);
        assertThat(bot.lines()).contains("vpnbot cannot start: PostgreSQL at 127.0.0.1:" + postgres
                + ", database 'vpnbot', is unavailable: connection refused (is the server running and listening on that address?)");
        assertThat(bot.lines()).anyMatch(l -> l.startsWith("Check DATABASE_URL"));
        assertThat(bot.lines()).noneMatch(l -> l.contains("could not be put together") || l.startsWith("\tat "));
        assertThat(toVerdict).isLessThan(Duration.ofSeconds(10));
    }

    private Map<String, String> environment(int telegramPort) {
        DatabaseSettings admin = TestDatabase.get().adminSettings();
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegramPort);
        env.put("PAYMENT_TEST_MODE", "true");
        env.put("SECRET_KEY", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        env.put("DATABASE_URL", "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null && !admin.password().isEmpty()) env.put("DATABASE_PASSWORD", admin.password());
        env.put("HTTP_PORT", "0");
        env.put("ADMIN_IDS", "42");
        env.put("DATA_DIR", workDir.resolve("data").toString());
        return env;
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int port(String listeningLine) {
        Matcher m = HTTP_PORT.matcher(listeningLine);
        if (!m.find()) throw new AssertionError(listeningLine);
        return Integer.parseInt(m.group(1));
    }

    private static final Pattern FAILED_CALLS = Pattern.compile("\\((\\d+) failed calls\\)");

    private static int failedCalls(String health) {
        Matcher m = FAILED_CALLS.matcher(health);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String awaitHealth(int port, java.util.function.Predicate<String> wanted, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (wanted.test(body)) return body;
            Thread.sleep(200); // polling for a condition, with a deadline
        }
        throw new AssertionError("/healthz never showed it within " + timeout + ": " + body);
    }
}
