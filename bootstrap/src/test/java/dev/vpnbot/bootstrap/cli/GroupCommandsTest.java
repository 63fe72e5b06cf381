package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vpnbot group …}, {@code vpnbot tariff set-group} and {@code vpnbot key reset-link} against real PostgreSQL. */
class GroupCommandsTest {
    private static final String DATABASE = "vpnbot_grp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static FakeThreeXuiPanel panel;
    private static Map<String, String> env;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startPanelAndDatabase(@TempDir Path dir) {
        panel = new FakeThreeXuiPanel().start();
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + DATABASE);
        DatabaseSettings admin = db.adminSettings();
        env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + DATABASE);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("SECRET_KEY", SecretBox.newKey());
        env.put("DATA_DIR", dir.toString());
    }

    @AfterAll
    static void stop() {
        panel.close();
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
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
        String[] all = new String[args.length + 2];
        all[0] = "--env-file";
        all[1] = "/nonexistent/.env";
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    private static String query(String sql) throws Exception {
        DatabaseSettings admin = TestDatabase.get().adminSettings();
        try (Connection c = DriverManager.getConnection(env.get("DATABASE_URL") + "?currentSchema=" + DatabaseSettings.DEFAULT_SCHEMA,
                admin.user(), admin.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void an_operator_groups_servers_and_makes_a_tariff_sell_keys_on_every_server_of_the_group() throws Exception {
        assertThat(vpnbot("server", "add", "--name", "Frankfurt", "--url", panel.baseUrl(), "--username", "admin",
                "--password", "admin-secret", "--inbound-id", "1", "--max-clients", "50")).as(err.toString()).isZero();
        String server = query("SELECT id FROM servers WHERE name = 'Frankfurt'");

        freshOutput();
        assertThat(vpnbot("group", "create", "Nordic")).as(err.toString()).isZero();
        assertThat(vpnbot("group", "add", "nordic", server)).as(err.toString()).isZero();
        freshOutput();
        assertThat(vpnbot("group", "list")).isZero();
        assertThat(out.toString()).contains("all", "(every server switched on)")
                .containsPattern("Nordic\\s+" + server + "\\R");

        assertThat(vpnbot("tariff", "set-group", "1", "Nordic")).as(err.toString()).isZero();
        assertThat(query("SELECT g.name FROM tariffs t JOIN server_groups g ON g.id = t.server_group_id WHERE t.id = 1")).isEqualTo("Nordic");
        assertThat(vpnbot("tariff", "set-group", "2", "all")).as(err.toString()).isZero();
        assertThat(query("SELECT server_group_id FROM tariffs WHERE id = 2")).isEqualTo("1");
        assertThat(vpnbot("tariff", "set-group", "1", "none")).as(err.toString()).isZero();
        assertThat(query("SELECT server_group_id FROM tariffs WHERE id = 1")).isNull();

        assertThat(vpnbot("group", "remove", "Nordic", server)).as(err.toString()).isZero();
        assertThat(query("SELECT count(*) FROM server_group_members")).isEqualTo("0");
    }

    @Test
    void unknown_groups_servers_tariffs_and_keys_and_a_taken_name_are_refused_in_words() throws Exception {
        assertThat(vpnbot("group", "add", "nowhere", "1")).isNotZero();
        assertThat(err.toString()).contains("no server group nowhere");
        freshOutput();
        assertThat(vpnbot("group", "create", "All")).isNotZero();
        assertThat(err.toString()).contains("exists already");
        freshOutput();
        assertThat(vpnbot("group", "add", "all", "1")).isNotZero();
        assertThat(err.toString()).contains("holds every server");
        freshOutput();
        assertThat(vpnbot("tariff", "set-group", "999", "all")).isNotZero();
        assertThat(err.toString()).contains("no tariff 999");
        freshOutput();
        assertThat(vpnbot("group", "create", "bad/name")).isNotZero();
        assertThat(err.toString()).contains("group name");
        freshOutput();
        assertThat(vpnbot("key", "reset-link", "424242")).isNotZero();
        assertThat(err.toString()).contains("no key 424242");
        assertThat(query("SELECT count(*) FROM server_groups WHERE name IN ('bad/name') OR (lower(name) = 'all' AND id <> 1)")).isEqualTo("0");
    }
}
