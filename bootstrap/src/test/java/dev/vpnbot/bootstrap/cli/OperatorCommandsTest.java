package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpnbot server …} and {@code vpnbot tariff …} against real PostgreSQL and a fake 3x-ui panel. */
class OperatorCommandsTest {
    private static OperatorCli cli;
    private static FakeThreeXuiPanel panel;
    private static Map<String, String> env;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startPanelAndDatabase(@TempDir Path dir) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        cli = OperatorCli.start("vpnbot_cli_", dir);
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

    /** {@code vpnbot} with this environment, this text on stdin, and this answer at a password prompt (null: no terminal). */
    private int vpnbot(Map<String, String> environment, String stdin, String typed, String... args) {
        return cli.vpnbot(environment, stdin, typed, args);
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
        // issue 23 says it in words now: the panel's kind code (BAD_CREDENTIALS) gave way to a sentence
        assertThat(out.toString()).contains("problem: the panel refused the login").doesNotContain("BAD_CREDENTIALS");

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

    private Map<String, String> without(String name) {
        Map<String, String> e = new HashMap<>(env);
        e.remove(name);
        return e;
    }

    private Map<String, String> with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return e;
    }

    private int addServer(Map<String, String> environment, String stdin, String typed, String name, String... credentials) {
        String[] args = {"server", "add", "--name", name, "--url", panel.baseUrl(), "--inbound-id", "1"};
        String[] all = java.util.Arrays.copyOf(args, args.length + credentials.length);
        System.arraycopy(credentials, 0, all, args.length, credentials.length);
        return vpnbot(environment, stdin, typed, all);
    }

    // --- refusals in words, each with nothing on stdout ---------------------------------------------

    @Test
    void a_tariffs_device_and_traffic_limits_are_set_and_nonsense_is_refused() {
        assertThat(vpnbot("tariff", "set-limits", "2", "--ips", "3", "--gb", "50", "--monthly-reset")).as(() -> err.toString()).isZero();
        assertThat(out.toString()).contains("tariff 2: 3 devices, 50 GB, reset every 30 days");

        freshOutput();
        assertThat(vpnbot("tariff", "set-limits", "2", "--monthly-reset")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("monthly reset needs a traffic limit");
        freshOutput();
        assertThat(vpnbot("tariff", "set-limits", "2", "--ips", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("devices");
        freshOutput();
        assertThat(vpnbot("tariff", "set-limits", "9999", "--gb", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("9999");
    }

    @Test
    void a_tariff_is_made_a_traffic_pack_and_ordinary_again_and_nonsense_is_refused() {
        assertThat(vpnbot("tariff", "set-pack", "2", "--gb", "50")).as(() -> err.toString()).isZero();
        assertThat(out.toString()).contains("tariff 2: a traffic pack of 50 GB");
        freshOutput();
        assertThat(vpnbot("tariff", "set-pack", "2", "--gb", "0")).as(() -> err.toString()).isZero();
        assertThat(out.toString()).contains("tariff 2: an ordinary tariff (no traffic pack)");

        freshOutput();
        assertThat(vpnbot("tariff", "set-pack", "2", "--gb", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("traffic pack is 0..1000000 GB");
        freshOutput();
        assertThat(vpnbot("tariff", "set-pack", "9999", "--gb", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("refused").contains("9999");
    }

    @Test
    void a_tariffs_stars_price_is_set_listed_and_cleared_and_nonsense_is_refused() {
        assertThat(vpnbot("tariff", "set-stars", "1", "275")).isZero();
        assertThat(out.toString()).contains("now costs 275 XTR");
        freshOutput();
        assertThat(vpnbot("tariff", "list")).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow()).endsWith("275");
        freshOutput();
        assertThat(vpnbot("tariff", "set-stars", "1", "0")).isZero();
        assertThat(out.toString()).contains("its price at STARS_PER_UNIT");
        freshOutput();
        assertThat(vpnbot("tariff", "set-stars", "1", "-3")).isEqualTo(2);
        assertThat(err.toString()).contains("is not a price in stars");
    }

    @Test
    void an_unknown_tariff_is_refused_in_words_not_with_its_code() {
        assertThat(vpnbot("tariff", "set-price", "9999", "1.00", "USD")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: there is no such tariff (no tariff 9999); `tariff list` shows every tariff")
                .doesNotContain("TARIFF_NOT_AVAILABLE");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_price_that_is_not_money_too_precise_zero_or_in_no_currency_is_refused_in_words() {
        assertThat(vpnbot("tariff", "set-price", "1", "4.99.1", "USD")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: '4.99.1' is not an amount of money: write a price like 4.99 or 4,99");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        assertThat(vpnbot("tariff", "set-price", "1", "4,999", "USD")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: USD has 2 decimal places, got 4.999");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        assertThat(vpnbot("tariff", "set-price", "1", "0", "USD")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: that is not accepted: ").doesNotContain("INVALID_INPUT");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        assertThat(vpnbot("tariff", "set-price", "1", "5", "XYZ")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: not an ISO 4217 currency code: 'XYZ'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void an_unknown_server_is_refused_in_words() {
        assertThat(vpnbot("server", "test", "987654")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: there is no such server, or it is retired (no server 987654)")
                .doesNotContain("SERVER_NOT_AVAILABLE");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void an_inbound_the_panel_does_not_have_is_refused_in_words() {
        assertThat(vpnbot(env, "", "admin-secret", "server", "add", "--name", "NoSuchInbound", "--url", panel.baseUrl(),
                "--username", "admin", "--inbound-id", "99")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: the panel has no VLESS inbound with that id: pick one listed above, or use --create-inbound")
                .doesNotContain("INBOUND_NOT_FOUND").doesNotContain("INVALID_INPUT");
        assertThat(out.toString()).contains("inbound 1").doesNotContain("added server"); // the panel test came first

        freshOutput();
        vpnbot("server", "list");
        assertThat(out.toString()).doesNotContain("NoSuchInbound");
    }

    @Test
    void a_missing_password_is_refused_with_the_ways_to_give_one_and_nothing_is_added() {
        assertThat(addServer(env, "", null, "Nopassword", "--username", "admin")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: no panel password: type it when asked (that needs a terminal), "
                + "pipe it in with --password-stdin, or set PANEL_PASSWORD");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        assertThat(addServer(env, "", null, "Nopassword", "--username", "admin", "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: --password-stdin was given, but standard input held no password");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        assertThat(addServer(env, "admin-secret\n", null, "Nopassword", "--username", "admin", "--password-stdin",
                "--password", "admin-secret")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: give the password one way only");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        assertThat(addServer(env, "", null, "Nopassword", "--api-token")).isEqualTo(2);
        assertThat(err.toString()).contains("refused: no panel API token: ").contains("PANEL_API_TOKEN");
        assertThat(out.toString()).isEmpty();

        freshOutput();
        vpnbot("server", "list");
        assertThat(out.toString()).doesNotContain("Nopassword");
    }

    @Test
    void an_api_token_for_a_panel_older_than_3_0_is_explained_in_words() {
        assertThat(addServer(with("PANEL_API_TOKEN", "a-token-for-v3"), "", null, "TokenOnV2", "--api-token")).isEqualTo(1);
        assertThat(out.toString()).contains("problem: this panel does not offer what is needed: API tokens need 3x-ui 3.0 or newer")
                .doesNotContain("UNSUPPORTED_VERSION").doesNotContain("a-token-for-v3");
        assertThat(err.toString()).doesNotContain("a-token-for-v3");
    }

    // --- passwords off the command line ---------------------------------------------------------------

    @Test
    void the_panel_password_comes_from_standard_input_the_environment_or_the_prompt() {
        assertThat(addServer(env, "admin-secret\n", null, "FromStdin", "--username", "admin", "--password-stdin")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("added server").contains("\"FromStdin\"");
        assertThat(err.toString()).doesNotContain("shell history");

        freshOutput();
        assertThat(addServer(with("PANEL_PASSWORD", "admin-secret"), "", null, "FromEnvironment", "--username", "admin"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"FromEnvironment\"");

        freshOutput();
        assertThat(addServer(env, "", "admin-secret", "FromPrompt", "--username", "admin")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"FromPrompt\"").doesNotContain("admin-secret");
    }

    @Test
    void a_password_on_the_command_line_still_works_with_a_warning_about_shell_history() {
        assertThat(addServer(env, "", null, "OnTheCommandLine", "--username", "admin", "--password", "admin-secret")).isZero();
        assertThat(err.toString()).contains("warning: the password given with --password stays in your shell history");
        assertThat(out.toString()).contains("added server").doesNotContain("warning");
    }

    // --- what needs SECRET_KEY and what does not --------------------------------------------------------

    @Test
    void tariffs_are_listed_and_priced_without_secret_key_and_a_price_may_use_a_comma() {
        Map<String, String> noKey = without("SECRET_KEY");
        assertThat(vpnbot(noKey, "", null, "tariff", "list")).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.matches("^\\d+\\s+.*"))).hasSize(8);
        assertThat(out.toString().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("ID"));

        freshOutput();
        assertThat(vpnbot(noKey, "", null, "tariff", "set-price", "2", "13,75")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("tariff 2 (90 days) now costs 13.75 USD" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void server_commands_still_need_secret_key_which_seals_panel_passwords() {
        assertThat(vpnbot(without("SECRET_KEY"), "", null, "server", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("SECRET_KEY is not set");
        assertThat(out.toString()).isEmpty();
    }
}
