package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README documents exactly the variables the bot reads, and the .env template is one the bot reads cleanly. */
class DocumentedVariablesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (.+?) \\|", Pattern.MULTILINE);

    @Test
    void the_readme_table_lists_every_variable_the_bot_reads_and_no_other() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = TABLE_ROW.matcher(readme);
        Set<String> documented = m.results().map(r -> r.group(1)).collect(Collectors.toSet());

        assertThat(documented).isEqualTo(Variables.KNOWN);
    }

    @Test
    void the_documented_defaults_are_the_ones_the_bot_applies() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Map<String, String> defaults = TABLE_ROW.matcher(readme).results()
                .collect(Collectors.toMap(r -> r.group(1), r -> r.group(2)));
        AppConfig c = ConfigReader.read(Variables.of(Map.of()), Purpose.MIGRATE);

        assertThat(defaults.get("TELEGRAM_API_URL")).isEqualTo("`" + c.telegram().apiUrl() + "`");
        assertThat(defaults.get("TELEGRAM_MODE")).isEqualTo("`" + c.telegram().mode().name().toLowerCase() + "`");
        assertThat(defaults.get("HTTP_PORT")).isEqualTo("`" + c.http().port() + "`");
        assertThat(defaults.get("HTTP_BIND")).isEqualTo("`" + c.http().bind() + "`");
        assertThat(defaults.get("DATA_DIR")).isEqualTo("`./" + c.dataDir() + "`");
        assertThat(defaults.get("HELEKET_API_URL")).isEqualTo("`" + c.heleket().apiUrl() + "`");
        assertThat(defaults.get("HELEKET_WEBHOOK_IPS")).isEqualTo("`" + c.heleket().webhookIps() + "`");
        assertThat(defaults.get("PAYMENT_TEST_MODE")).isEqualTo("`" + c.heleket().testMode() + "`");
        assertThat(defaults.get("DEFAULT_LANGUAGE")).isEqualTo("`" + c.operator().defaultLanguage().name().toLowerCase() + "`");
        assertThat(defaults.get("TIME_ZONE")).isEqualTo("`" + c.operator().timeZone() + "`");
        assertThat(defaults.get("RECONCILE_INTERVAL")).isEqualTo("`" + DurationText.format(c.reconcileInterval()) + "`");
        assertThat(defaults.get("TELEGRAM_UPDATE_QUEUE")).isEqualTo("`" + c.telegram().intake().updateQueue() + "`");
        assertThat(defaults.get("TELEGRAM_UPDATE_WORKERS")).isEqualTo("`" + c.telegram().intake().updateWorkers() + "`");
        assertThat(defaults.get("PANEL_DRIFT_INTERVAL")).isEqualTo("`" + DurationText.format(c.panelDriftInterval()) + "`");
    }

    @Test
    void the_env_template_reads_without_problems_or_unknown_names() {
        Variables vars = Variables.fromEnvironment(Map.of(), ROOT.resolve(".env.example"));
        assertThat(vars.problems()).isEmpty();
        assertThat(vars.warnings()).isEmpty();
        assertThat(ConfigReader.read(vars, Purpose.MIGRATE).database().isEmbedded()).isTrue();
    }
}
