package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpnbot server evacuate} and {@code vpnbot server evacuation} against real PostgreSQL (docs/MOVES.md). */
class EvacuateCommandTest {
    private static OperatorCli cli;

    @BeforeAll
    static void start(@TempDir Path dir) {
        cli = OperatorCli.start("vpnbot_evac_", dir);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static String query(String sql) throws Exception {
        DatabaseSettings admin = TestDatabase.get().adminSettings();
        try (Connection c = DriverManager.getConnection(cli.env.get("DATABASE_URL") + "?currentSchema=" + DatabaseSettings.DEFAULT_SCHEMA,
                admin.user(), admin.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String add(String name) throws Exception {
        cli.freshOutput();
        assertThat(cli.vpnbot("server", "add", "--name", name, "--url", cli.panel.baseUrl(), "--username", "admin",
                "--password", "admin-secret", "--inbound-id", "1", "--max-clients", "50")).as(cli.err.toString()).isZero();
        return query("SELECT id FROM servers WHERE name = '" + name + "'");
    }

    @Test
    void an_operator_starts_an_evacuation_reads_its_progress_and_is_refused_a_second_one() throws Exception {
        String from = add("Old");
        String to = add("New");

        cli.freshOutput();
        assertThat(cli.vpnbot("server", "evacuate", from, "--to", to)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("evacuation").contains("started").contains("every key to server " + to)
                .contains("no longer sells");
        assertThat(query("SELECT is_active FROM servers WHERE id = " + from)).isEqualTo("f");
        assertThat(query("SELECT target_server_id FROM evacuations WHERE server_id = " + from)).isEqualTo(to);

        cli.freshOutput();
        assertThat(cli.vpnbot("server", "evacuation", from)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("planning").contains("moved 0, waiting 0, failed 0, skipped 0");

        cli.freshOutput();
        assertThat(cli.vpnbot("server", "evacuate", from, "--auto")).isEqualTo(1);
        assertThat(cli.err.toString()).contains("refused: already under way");
        cli.freshOutput();
        assertThat(cli.vpnbot("server", "evacuate", to, "--to", to)).isEqualTo(1);
        assertThat(cli.err.toString()).contains("refused: same server");
        assertThat(query("SELECT count(*) FROM evacuations")).isEqualTo("1");
    }
}
