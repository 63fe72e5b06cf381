package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpnbot group …}, {@code vpnbot tariff set-group} and {@code vpnbot key reset-link} against real PostgreSQL. */
class GroupCommandsTest {
    private static OperatorCli cli;
    private static FakeThreeXuiPanel panel;
    private static Map<String, String> env;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startPanelAndDatabase(@TempDir Path dir) {
        cli = OperatorCli.start("vpnbot_grp_", dir);
        panel = cli.panel;
        env = cli.env;
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    @BeforeEach
    void freshOutput() {
        cli.freshOutput();
        out = cli.out;
        err = cli.err;
    }

    private int vpnbot(String... args) {
        return cli.vpnbot(args);
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
