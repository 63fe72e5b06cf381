package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vpnbot(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new VpnbotCommand(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void run_without_a_bot_token_says_what_is_missing_points_to_the_sandbox_and_exits_2(@TempDir Path dir) {
        int code = vpnbot(Map.of("DATA_DIR", dir.toString()), "--env-file", dir.resolve("absent.env").toString(), "run");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("vpnbot cannot start: 3 configuration problems")
                .contains("  - BOT_TOKEN is not set: create a bot with @BotFather")
                .contains("  - HELEKET_MERCHANT_ID and HELEKET_API_KEY are not set")
                .contains("  - SECRET_KEY is not set")
                .contains("java -jar vpnbot.jar sandbox");
        assertThat(dir.resolve("postgres")).doesNotExist(); // nothing was started
    }

    @Test
    void sandbox_lang_accepts_only_the_languages_the_bot_speaks(@TempDir Path dir) {
        int code = vpnbot(Map.of("DATA_DIR", dir.toString()), "--env-file", dir.resolve("absent.env").toString(), "sandbox", "--lang", "de");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--lang: 'de' is not a language the bot speaks; use ru or en");
        assertThat(dir.resolve("sandbox")).doesNotExist(); // nothing was started
    }

    @Test
    void no_command_means_run(@TempDir Path dir) {
        int code = vpnbot(Map.of("DATA_DIR", dir.toString()), "--env-file", dir.resolve("absent.env").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("BOT_TOKEN is not set");
    }

    @Test
    void the_env_file_is_read_and_the_environment_wins(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("bot.env");
        java.nio.file.Files.writeString(envFile, "BOT_TOKEN=123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\nHTTP_PORT=99999\n");

        int code = vpnbot(Map.of("HTTP_PORT", "nonsense", "DATA_DIR", dir.toString()), "run", "--env-file", envFile.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("BOT_TOKEN is not set").contains("HTTP_PORT: 'nonsense' is not a port number");
    }

    @Test
    void help_lists_the_commands_and_exit_codes() {
        assertThat(vpnbot(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("run", "migrate", "sandbox", "--env-file", "2   the configuration");
    }

    @Test
    void a_wrong_command_line_exits_2() {
        assertThat(vpnbot(Map.of(), "fly")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument");
    }

    @Test
    void a_likely_typo_is_shown_even_when_start_up_stops_for_another_problem(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("bot.env");
        java.nio.file.Files.writeString(envFile, "BOT_TOKNE=123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\n");

        int code = vpnbot(Map.of("DATA_DIR", dir.toString(), "ADMIN_ID", "42"), "--env-file", envFile.toString(), "run");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("  - BOT_TOKEN is not set")
                .contains("Perhaps the cause, and worth fixing anyway:")
                .contains("  - " + envFile + " sets BOT_TOKNE, which vpnbot does not read: a typo of BOT_TOKEN?")
                .contains("  - the environment sets ADMIN_ID, which vpnbot does not read: a typo of ADMIN_IDS?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void every_line_of_help_is_complete() {
        assertThat(vpnbot(Map.of(), "--help")).isZero();
        String help = out.toString();
        assertThat(help.replaceAll("\\s+", " "))
                .contains("sandbox Try the bot with nothing but Java: a chat in this terminal, a simulated panel and payments.");
        // each command's summary ends its sentence, however many lines it takes
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:")).strip();
        for (String summary : commands.split("\n(?=  \\S)")) {
            if (summary.startsWith("Commands:")) continue;
            assertThat(summary.strip()).as(summary).endsWith(".");
        }

        for (String[] command : new String[][] {{"server", "add", "--help"}, {"tariff", "set-price", "--help"}, {"--help"}}) {
            out.getBuffer().setLength(0);
            assertThat(vpnbot(Map.of(), command)).isZero();
            // an option line without a description ends right after its name and parameter
            assertThat(out.toString().lines().filter(l -> l.matches("^\\s+(-\\w, )?--[\\w-]+(=\\S+)?\\s*$")))
                    .as(String.join(" ", command)).isEmpty();
        }
    }

    @Test
    void server_add_offers_every_way_to_give_the_password_but_does_not_require_it_on_the_command_line() {
        assertThat(vpnbot(Map.of(), "server", "add", "--help")).isZero();
        assertThat(out.toString()).contains("--password-stdin", "PANEL_PASSWORD", "PANEL_API_TOKEN", "shell history")
                .contains("--username=NAME")
                .doesNotContain("--username=NAME --password"); // not a required pair any more
    }
}
