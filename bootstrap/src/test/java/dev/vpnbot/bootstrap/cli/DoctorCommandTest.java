package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.domain.server.Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vpnbot doctor} against the fake Bot API, the fake Heleket and the fake 3x-ui panel, on a real PostgreSQL. */
class DoctorCommandTest {
    private final String database = "vpnbot_doctor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String secretKey = SecretBox.newKey();
    private FakeBotApi telegram;
    private FakeThreeXuiPanel panel;
    private FakeHeleket heleket;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start();
        panel = new FakeThreeXuiPanel().start();
        heleket = FakeHeleket.start();
        TestDatabase.get().execute("CREATE DATABASE " + database);
    }

    @AfterEach
    void stop() {
        telegram.close();
        panel.close();
        heleket.close();
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private record Outcome(int exitCode, List<String> lines) {}

    private Outcome doctor(Map<String, String> env) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VpnbotCommand(env));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute("--env-file", dir.resolve("absent.env").toString(), "doctor");
        return new Outcome(code, out.toString().lines().toList());
    }

    private DatabaseSettings settings() {
        DatabaseSettings admin = TestDatabase.get().adminSettings();
        return new DatabaseSettings("jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database, admin.user(), admin.password());
    }

    private Map<String, String> environment() {
        DatabaseSettings db = settings();
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("DATABASE_URL", db.jdbcUrl());
        env.put("DATABASE_USER", db.user());
        if (!db.password().isEmpty()) env.put("DATABASE_PASSWORD", db.password());
        env.put("HELEKET_MERCHANT_ID", heleket.merchantId());
        env.put("HELEKET_API_KEY", heleket.paymentKey());
        env.put("HELEKET_API_URL", heleket.baseUrl());
        env.put("SECRET_KEY", secretKey);
        env.put("ADMIN_IDS", "1");
        env.put("DATA_DIR", dir.toString());
        return env;
    }

    /** A migrated database with one server on the fake panel. */
    private void aMigratedShopWithOneServer() {
        try (PostgresPersistence db = PostgresPersistence.open(settings(), SecretBox.parseKey(secretKey))) {
            db.servers().save(new Server(db.servers().nextId(), "Frankfurt", panel.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID,
                    true, 100, 0));
        }
    }

    @Test
    void doctor_on_a_working_setup_prints_one_line_per_check_and_exits_0() {
        aMigratedShopWithOneServer();

        Outcome outcome = doctor(environment());

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.lines())).isZero();
        assertThat(outcome.lines()).allMatch(l -> l.matches("\\[(ok|warn|fail)] +[a-z].*"));
        assertThat(outcome.lines()).anyMatch(l -> l.startsWith("[ok]   configuration: every variable reads"))
                .anyMatch(l -> l.startsWith("[ok]   database: PostgreSQL ") && l.endsWith("/" + database))
                .anyMatch(l -> l.matches("\\[ok] +migrations: schema vpnbot at version \\d+ \\(\\d+ applied\\), none pending"))
                .anyMatch(l -> l.startsWith("[ok]   telegram: getMe: @") && l.contains("(id " + FakeBotApi.BOT_ID + ")"))
                .anyMatch(l -> l.startsWith("[ok]   heleket: a signed call to " + heleket.baseUrl()))
                .anyMatch(l -> l.startsWith("[warn] panel 'Frankfurt': login accepted, inbound " + FakeThreeXuiPanel.REALITY_INBOUND_ID
                        + " found, plain http"));
        String migrations = outcome.lines().stream().filter(l -> l.contains("migrations:")).findFirst().orElseThrow();
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile("at version (\\d+) \\((\\d+) applied\\)").matcher(migrations);
        assertThat(counted.find()).isTrue();
        assertThat(Integer.parseInt(counted.group(2))).as("only migrations count, not Flyway's own marker").isEqualTo(appliedMigrations());
        assertThat(outcome.lines()).filteredOn(l -> l.contains("database role")).singleElement().asString()
                .startsWith(superuser() ? "[warn] database role: user " : "[ok]   database role: user ");
        assertThat(heleket.requests("/v1/payment/info")).hasSize(1);
        assertThat(heleket.requests("/v1/payment")).isEmpty(); // the doctor changes nothing
    }

    @Test
    void doctor_names_each_broken_service_on_its_own_line_and_exits_1() throws IOException {
        aMigratedShopWithOneServer();
        Map<String, String> env = environment();
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort());
        env.put("HELEKET_API_KEY", heleket.paymentKey() + "wrong");
        panel.close();

        Outcome outcome = doctor(env);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lines())
                .anyMatch(l -> l.startsWith("[fail] telegram: Telegram Bot API at http://127.0.0.1:") && l.contains("unreachable (connection refused)"))
                .anyMatch(l -> l.startsWith("[fail] heleket: ") && l.contains("check HELEKET_MERCHANT_ID, HELEKET_API_KEY"))
                .anyMatch(l -> l.startsWith("[fail] panel 'Frankfurt': UNREACHABLE"))
                .anyMatch(l -> l.startsWith("[ok]   database: "));
    }

    @Test
    void doctor_reports_pending_migrations_without_applying_them_and_an_unreachable_database_as_a_failure() throws IOException {
        Outcome fresh = doctor(environment());
        assertThat(fresh.lines()).anyMatch(l -> l.matches("\\[warn] migrations: schema vpnbot at version none \\(0 applied\\), \\d+ pending .*"))
                .anyMatch(l -> l.equals("[warn] panels: not checked: the database is not ready (see above)"));
        assertThat(doctor(environment()).lines()).anyMatch(l -> l.startsWith("[warn] migrations: schema vpnbot at version none"));

        Map<String, String> env = environment();
        int port = closedPort();
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/vpnbot");
        Outcome down = doctor(env);
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.lines()).anyMatch(l -> l.startsWith("[fail] database: PostgreSQL at 127.0.0.1:" + port + ", database 'vpnbot', is unavailable: connection refused"));
    }

    @Test
    void doctor_with_a_broken_configuration_lists_every_problem_and_exits_2() {
        Map<String, String> env = environment();
        env.remove("BOT_TOKEN");
        env.put("SECRET_KEY", "not a key at all, far too guessable");

        Outcome outcome = doctor(env);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.lines()).anyMatch(l -> l.startsWith("[fail] configuration: BOT_TOKEN is not set"))
                .anyMatch(l -> l.startsWith("[fail] configuration: SECRET_KEY is not 32 bytes"));
    }

    /** Versioned migrations Flyway recorded in this shop's database (its schema marker is not one). */
    private int appliedMigrations() {
        DatabaseSettings db = settings();
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM vpnbot.flyway_schema_history WHERE version IS NOT NULL AND success")) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean superuser() {
        try (var c = TestDatabase.get().connect(); var s = c.createStatement();
             var r = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return r.next() && r.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
