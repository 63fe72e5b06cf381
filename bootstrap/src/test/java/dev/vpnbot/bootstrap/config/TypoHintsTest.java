package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypoHintsTest {

    @Test
    void close_names_are_taken_for_the_known_name_they_were_meant_to_be() {
        assertThat(TypoHints.meant("BOT_TOKNE", Variables.KNOWN)).contains("BOT_TOKEN");      // swapped letters
        assertThat(TypoHints.meant("ADMIN_ID", Variables.KNOWN)).contains("ADMIN_IDS");       // one letter short
        assertThat(TypoHints.meant("bot_token", Variables.KNOWN)).contains("BOT_TOKEN");      // case
        assertThat(TypoHints.meant("TIMEZONE", Variables.KNOWN)).contains("TIME_ZONE");       // underscore missing
        assertThat(TypoHints.meant("DATA__DIR", Variables.KNOWN)).contains("DATA_DIR");       // underscore extra
        assertThat(TypoHints.meant("HELEKET_APIKEY", Variables.KNOWN)).contains("HELEKET_API_KEY");
        assertThat(TypoHints.meant("VPNBOT_SECRET_KEY", Variables.KNOWN)).contains("SECRET_KEY"); // our prefix, which ours do not carry
    }

    @Test
    void a_shell_environment_s_own_variables_are_not_taken_for_ours() {
        for (String name : new String[] {"PATH", "HOME", "HOSTNAME", "JAVA_HOME", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
                "XDG_DATA_DIRS", "MAVEN_OPTS", "LANGUAGE", "VPNBOT_TEST_JDBC_URL", "PANEL_PASSWORD", "BOT_TOKEN"}) {
            assertThat(TypoHints.meant(name, Variables.KNOWN)).as(name).isEmpty();
        }
    }

    @Test
    void a_likely_typo_in_the_environment_is_a_warning_an_unrelated_name_is_not() {
        Variables vars = Variables.fromEnvironment(Map.of("ADMIN_ID", "42", "HOME", "/root", "HTTP_PROXY", "x"), Path.of("/nonexistent/.env"));
        assertThat(vars.warnings()).containsExactly("the environment sets ADMIN_ID, which vpnbot does not read: a typo of ADMIN_IDS?");
    }

    @Test
    void a_typo_is_shown_even_when_start_up_stops_for_another_problem(@TempDir Path dir) throws Exception {
        Path dotEnv = dir.resolve(".env");
        Files.writeString(dotEnv, "BOT_TOKNE=123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\nSECRET_KEY=short\nFAVOURITE_COLOUR=blue\n");

        InvalidConfiguration e = catchThrowableOfType(InvalidConfiguration.class,
                () -> ConfigReader.read(Variables.fromEnvironment(Map.of("TIMEZONE", "UTC"), dotEnv), Purpose.RUN));

        assertThat(e.problems()).anyMatch(p -> p.startsWith("BOT_TOKEN is not set")).anyMatch(p -> p.startsWith("SECRET_KEY is too short"));
        assertThat(e.typos()).containsExactlyInAnyOrder(
                dotEnv + " sets BOT_TOKNE, which vpnbot does not read: a typo of BOT_TOKEN?",
                dotEnv + " sets FAVOURITE_COLOUR, which vpnbot does not read: a typo?",
                "the environment sets TIMEZONE, which vpnbot does not read: a typo of TIME_ZONE?");
    }
}
