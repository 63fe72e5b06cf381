package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpnbot growth …} against real PostgreSQL (docs/GROWTH.md). */
class GrowthCommandTest {
    private static OperatorCli cli;
    private static FakeThreeXuiPanel panel;
    private static Map<String, String> env;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startPanelAndDatabase(@TempDir Path dir) {
        cli = OperatorCli.start("vpnbot_growth_", dir);
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

    @Test
    void the_operator_marks_a_trial_server_and_a_once_per_user_tariff_and_reads_the_figures() {
        assertThat(vpnbot("server", "add", "--name", "Trial", "--url", panel.baseUrl(), "--username", "admin", "--password", "admin-secret",
                "--inbound-id", "1")).as(err.toString()).isZero();
        freshOutput();
        vpnbot("server", "list");
        String id = out.toString().lines().filter(l -> l.contains("Trial")).findFirst().orElseThrow().split("\\s+")[0];

        freshOutput();
        assertThat(vpnbot("growth", "trial-server", id, "on")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("servers for trial keys: [" + id + "]");
        freshOutput();
        assertThat(vpnbot("growth", "trial-server", id, "off")).isZero();
        assertThat(out.toString()).contains("servers for trial keys: []");

        freshOutput();
        assertThat(vpnbot("growth", "once-per-user", "1", "on")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("tariff 1 is sold once per user");

        freshOutput();
        assertThat(vpnbot("growth", "stats")).isZero();
        assertThat(out.toString()).contains("trials started:           0", "rewards reversed:         0");
    }

    @Test
    void unknown_servers_tariffs_and_modes_are_refused() {
        assertThat(vpnbot("growth", "trial-server", "9999", "on")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("9999");
        freshOutput();
        assertThat(vpnbot("growth", "once-per-user", "9999", "on")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("9999");
        freshOutput();
        assertThat(vpnbot("growth", "trial-server", "1", "maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("not on or off");
    }
}
