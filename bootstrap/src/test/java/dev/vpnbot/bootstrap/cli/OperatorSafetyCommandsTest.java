package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vpnbot backup}, {@code maintenance} and {@code user ban|unban} against real PostgreSQL:
 * the backup is made by the real pg_dump, and the documented restore (pg_restore into an empty
 * database) brings the rows back.
 */
class OperatorSafetyCommandsTest {
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String DATABASE = "vpnbot_safety_" + SUFFIX;
    private static final String RESTORED = "vpnbot_restored_" + SUFFIX;
    private static Map<String, String> env;
    private static DatabaseSettings admin;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void createDatabase(@TempDir Path dir) {
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + DATABASE);
        admin = db.adminSettings();
        env = new HashMap<>();
        env.put("DATABASE_URL", url(DATABASE));
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("SECRET_KEY", SecretBox.newKey());
        env.put("DATA_DIR", dir.toString());
        env.put("BACKUP_KEEP", "2");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + RESTORED + " WITH (FORCE)");
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database;
    }

    @BeforeEach
    void freshOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int vpnbot(String... args) {
        CommandLine cli = new CommandLine(new VpnbotCommand(env, new ByteArrayInputStream(new byte[0]), question -> null));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--env-file", "/nonexistent/.env"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url(database), admin.user(), admin.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (admin.password() != null) builder.environment().put("PGPASSWORD", admin.password());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    @Test
    void a_backup_is_a_real_pg_dump_archive_kept_with_retention_and_the_documented_restore_brings_the_rows_back() throws Exception {
        assertThat(vpnbot("migrate")).isZero();
        long tariffs = count(DATABASE, "SELECT count(*) FROM vpnbot.tariffs");
        assertThat(tariffs).isPositive();

        List<Path> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.getBuffer().setLength(0);
            assertThat(vpnbot("backup")).as(err.toString()).isZero();
            made.add(Path.of(out.toString().lines().findFirst().orElseThrow().strip()));
        }
        assertThat(Files.readAllBytes(made.get(2))).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
        assertThat(out.toString()).contains("removed " + made.get(0).getFileName());
        assertThat(made.get(0)).doesNotExist();
        assertThat(made.get(1)).exists();

        assertThat(run(List.of("pg_restore", "--list", made.get(2).toString()))).contains("TABLE DATA vpnbot tariffs");
        TestDatabase.get().execute("CREATE DATABASE " + RESTORED);
        run(List.of("pg_restore", "--clean", "--if-exists", "--no-owner", "--host", admin.host(), "--port", admin.port(),
                "--username", admin.user(), "--dbname", RESTORED, made.get(2).toString()));
        assertThat(count(RESTORED, "SELECT count(*) FROM vpnbot.tariffs")).isEqualTo(tariffs);
        assertThat(count(RESTORED, "SELECT count(*) FROM vpnbot.flyway_schema_history")).isPositive();
    }

    @Test
    void maintenance_pauses_and_resumes_sales_from_the_command_line() {
        assertThat(vpnbot("migrate")).isZero();
        assertThat(vpnbot("maintenance", "on", "--message", "Back at 18:00")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("sales paused since").contains("buyers read: Back at 18:00");
        out.getBuffer().setLength(0);
        assertThat(vpnbot("maintenance", "status")).isZero();
        assertThat(out.toString()).contains("buyers read: Back at 18:00");
        out.getBuffer().setLength(0);
        assertThat(vpnbot("maintenance", "off")).isZero();
        assertThat(out.toString()).contains("sales running");
        assertThat(vpnbot("maintenance", "maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("'maybe' is not on, off or status");
    }

    @Test
    void a_user_is_banned_and_unbanned_from_the_command_line_and_an_unknown_one_is_refused() throws Exception {
        assertThat(vpnbot("migrate")).isZero();
        try (Connection c = DriverManager.getConnection(url(DATABASE), admin.user(), admin.password())) {
            c.createStatement().execute("INSERT INTO vpnbot.users (id, first_name, language, registered_at) VALUES (4242, 'Ivan', 'RU', now()) "
                    + "ON CONFLICT DO NOTHING");
        }

        assertThat(vpnbot("user", "ban", "4242")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("user 4242 banned; keys switched off on the panels: none");
        assertThat(count(DATABASE, "SELECT count(*) FROM vpnbot.users WHERE id = 4242 AND banned")).isEqualTo(1);

        assertThat(vpnbot("user", "unban", "4242")).isZero();
        assertThat(count(DATABASE, "SELECT count(*) FROM vpnbot.users WHERE id = 4242 AND banned")).isZero();

        assertThat(vpnbot("user", "ban", "777777")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: there is no such user");
    }
}
