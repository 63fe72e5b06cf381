package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vpnbot server …} and {@code vpnbot tariff …} against real PostgreSQL and a fake 3x-ui panel. */
class OperatorCommandsTest {
    private static final String DATABASE = "vpnbot_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static FakeThreeXuiPanel panel;
    private static Map<String, String> env;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startPanelAndDatabase(@TempDir Path dir) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
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
        CommandLine cli = new CommandLine(new VpnbotCommand(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--env-file";
        all[1] = "/nonexistent/.env";
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void an_operator_adds_a_panel_lists_and_tests_it_and_changes_a_price_from_the_command_line() {
        int added = vpnbot("server", "add", "--name", "Frankfurt", "--url", panel.baseUrl(),
                "--username", "admin", "--password", "admin-secret", "--inbound-id", "1", "--max-clients", "50");
        assertThat(added).as(err.toString()).isZero();
        assertThat(out.toString()).contains("API generation: LEGACY", "inbound 1", "added server").doesNotContain("admin-secret");

        freshOutput();
        assertThat(vpnbot("server", "list")).isZero();
        assertThat(out.toString()).contains("Frankfurt", "0/50", panel.baseUrl());
        String id = out.toString().lines().filter(l -> l.contains("Frankfurt")).findFirst().orElseThrow().split("\\s+")[0];

        freshOutput();
        assertThat(vpnbot("server", "test", id)).isZero();
        assertThat(out.toString()).contains("authenticated:  yes").doesNotContain("PROBLEM");

        freshOutput();
        assertThat(vpnbot("tariff", "list")).isZero();
        assertThat(out.toString().lines().filter(l -> l.matches("^\\d+\\s+.*"))).hasSize(8);

        freshOutput();
        assertThat(vpnbot("tariff", "set-price", "1", "4.50", "usd")).isZero();
        assertThat(out.toString()).contains("now costs 4.50 USD");
    }

    @Test
    void bad_credentials_bad_prices_and_unknown_tariffs_are_refused_and_change_nothing() {
        assertThat(vpnbot("server", "add", "--name", "Bad", "--url", panel.baseUrl(),
                "--username", "admin", "--password", "wrong", "--inbound-id", "1")).isEqualTo(1);
        assertThat(out.toString()).contains("PROBLEM: BAD_CREDENTIALS");

        freshOutput();
        assertThat(vpnbot("tariff", "set-price", "1", "abc", "USD")).isEqualTo(2);
        assertThat(err.toString()).contains("not an amount of money");

        freshOutput();
        assertThat(vpnbot("tariff", "set-price", "9999", "1.00", "USD")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("9999");

        freshOutput();
        vpnbot("server", "list");
        assertThat(out.toString()).doesNotContain("Bad");
    }
}
