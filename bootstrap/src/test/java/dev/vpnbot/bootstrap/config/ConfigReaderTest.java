package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.user.Language;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String MERCHANT = "c26b80a8-9549-4b75-9e2b-2ab3d4ff1e85";
    private static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static Map<String, String> minimalRun() {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", TOKEN);
        env.put("HELEKET_MERCHANT_ID", MERCHANT);
        env.put("HELEKET_API_KEY", "payment-key-42");
        env.put("SECRET_KEY", SECRET_KEY);
        return env;
    }

    private static AppConfig run(Map<String, String> env) {
        return ConfigReader.read(Variables.of(env), Purpose.RUN);
    }

    private static List<String> problemsOf(Map<String, String> env, Purpose purpose) {
        try {
            ConfigReader.read(Variables.of(env), purpose);
        } catch (InvalidConfiguration e) {
            return e.problems();
        }
        throw new AssertionError("expected configuration problems");
    }

    @Test
    void the_minimal_configuration_gets_the_documented_defaults() {
        AppConfig c = run(minimalRun());

        assertThat(c.telegram().apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(c.telegram().mode()).isEqualTo(TelegramMode.POLLING);
        assertThat(c.telegram().botToken().reveal()).isEqualTo(TOKEN);
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.http().publicUrl()).isNull();
        assertThat(c.http().publicAddress("/webhooks/heleket")).isEmpty();
        assertThat(c.http().trustedProxies().isEmpty()).isTrue();
        assertThat(c.database().isEmbedded()).isTrue();
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.heleket().apiUrl()).isEqualTo(URI.create("https://api.heleket.com"));
        assertThat(c.heleket().webhookIps().asText()).containsExactly("31.133.220.8");
        assertThat(c.heleket().testMode()).isFalse();
        assertThat(c.operator().defaultLanguage()).isEqualTo(Language.RU);
        assertThat(c.operator().timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(c.operator().adminIds()).isEmpty();
        assertThat(c.operator().supportChatId()).isNull();
        assertThat(c.reconcileInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.panelDriftInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.panelDriftRepairOn()).isTrue();
    }

    @Test
    void every_variable_is_honoured() {
        Map<String, String> env = minimalRun();
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:8081/");
        env.put("TELEGRAM_MODE", "Webhook");
        env.put("PUBLIC_URL", "https://bot.example.com/");
        env.put("TELEGRAM_WEBHOOK_SECRET", "hook_secret-0123456789");
        env.put("HTTP_PORT", "9090");
        env.put("DATABASE_URL", "jdbc:postgresql://db:5432/vpnbot");
        env.put("DATABASE_USER", "vpnbot_app");
        env.put("DATABASE_PASSWORD", "pw");
        env.put("DATA_DIR", "/var/lib/vpnbot");
        env.put("HELEKET_API_URL", "https://heleket.test");
        env.put("HELEKET_WEBHOOK_IPS", "31.133.220.8, 10.1.0.0/16");
        env.put("TRUSTED_PROXIES", "127.0.0.1 ::1");
        env.put("ADMIN_IDS", "111, 222");
        env.put("PAYMENT_TEST_MODE", "yes");
        env.put("PAYMENT_TEST_MODE_FORCE", "true");
        env.put("SUPPORT_CHAT_ID", "-1001234567890");
        env.put("DEFAULT_LANGUAGE", "en");
        env.put("TIME_ZONE", "Asia/Yekaterinburg");
        env.put("RECONCILE_INTERVAL", "PT2M");
        env.put("PANEL_DRIFT_INTERVAL", "30m");

        AppConfig c = run(env);

        assertThat(c.telegram().apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(c.telegram().mode()).isEqualTo(TelegramMode.WEBHOOK);
        assertThat(c.telegram().webhookSecret().matches("hook_secret-0123456789")).isTrue();
        assertThat(c.http().publicUrl()).isEqualTo(URI.create("https://bot.example.com"));
        assertThat(c.http().publicAddress("/webhooks/heleket")).contains(URI.create("https://bot.example.com/webhooks/heleket"));
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.http().trustedProxies().asText()).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db:5432/vpnbot");
        assertThat(c.database().user()).isEqualTo("vpnbot_app");
        assertThat(c.database().password().reveal()).isEqualTo("pw");
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/vpnbot"));
        assertThat(c.heleket().merchantId()).isEqualTo(MERCHANT);
        assertThat(c.heleket().apiKey().reveal()).isEqualTo("payment-key-42");
        assertThat(c.heleket().apiUrl()).isEqualTo(URI.create("https://heleket.test"));
        assertThat(c.heleket().webhookIps().asText()).containsExactly("31.133.220.8", "10.1.0.0/16");
        assertThat(c.heleket().testMode()).isTrue();
        assertThat(c.operator().adminIds()).containsExactlyInAnyOrder(111L, 222L);
        assertThat(c.operator().supportChatId()).isEqualTo("-1001234567890");
        assertThat(c.operator().defaultLanguage()).isEqualTo(Language.EN);
        assertThat(c.operator().timeZone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(c.secretKey().reveal()).isEqualTo(SECRET_KEY);
        assertThat(c.reconcileInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.panelDriftInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("PAYMENT_TEST_MODE is on"));
    }

    @Test
    void stars_are_off_by_default_and_with_stars_on_the_shop_runs_without_heleket() {
        assertThat(run(minimalRun()).stars()).isEqualTo(StarsConfig.off());
        Map<String, String> env = minimalRun();
        env.remove("HELEKET_MERCHANT_ID");
        env.remove("HELEKET_API_KEY");
        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString().contains("STARS_ENABLED=true");
        env.put("STARS_ENABLED", "true");
        env.put("STARS_PER_UNIT", "52.5");
        env.put("STARS_ONLY_FOR_PAYING_USERS", "yes");

        AppConfig c = run(env);
        assertThat(c.heleket().isConfigured()).isFalse();
        assertThat(c.stars()).isEqualTo(new StarsConfig(true, new java.math.BigDecimal("52.5"), true));
    }

    @Test
    void a_stars_rate_that_is_no_positive_number_is_reported() {
        Map<String, String> env = minimalRun();
        env.put("STARS_PER_UNIT", "fifty");
        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString().startsWith("STARS_PER_UNIT: 'fifty' is not a number");
        env.put("STARS_PER_UNIT", "0");
        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString().startsWith("STARS_PER_UNIT: '0' must be above 0");
    }

    @Test
    void run_without_a_bot_token_says_exactly_that_and_where_to_get_one() {
        Map<String, String> env = minimalRun();
        env.remove("BOT_TOKEN");

        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString()
                .startsWith("BOT_TOKEN is not set").contains("@BotFather");
    }

    @Test
    void every_problem_is_reported_at_once_one_line_each() {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", "80800");
        env.put("TELEGRAM_MODE", "push");
        env.put("TIME_ZONE", "Mars/Olympus");
        env.put("RECONCILE_INTERVAL", "soon");
        env.put("ADMIN_IDS", "111,bob");
        env.put("DEFAULT_LANGUAGE", "de");

        List<String> problems = problemsOf(env, Purpose.RUN);

        assertThat(problems).hasSize(9).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        assertThat(problems).anyMatch(p -> p.startsWith("BOT_TOKEN is not set"))
                .anyMatch(p -> p.startsWith("HELEKET_MERCHANT_ID and HELEKET_API_KEY are not set"))
                .anyMatch(p -> p.startsWith("SECRET_KEY is not set"))
                .anyMatch(p -> p.equals("HTTP_PORT: '80800' is not a port number (1-65535)"))
                .anyMatch(p -> p.equals("TELEGRAM_MODE: 'push' is not a mode: write polling or webhook"))
                .anyMatch(p -> p.startsWith("TIME_ZONE: 'Mars/Olympus' is not a time zone"))
                .anyMatch(p -> p.startsWith("RECONCILE_INTERVAL: 'soon' is not a duration"))
                .anyMatch(p -> p.startsWith("ADMIN_IDS: 'bob' is not a Telegram user id"))
                .anyMatch(p -> p.startsWith("DEFAULT_LANGUAGE: unknown language 'de'"));
    }

    @Test
    void a_malformed_secret_is_reported_without_its_value() {
        Map<String, String> env = minimalRun();
        env.put("BOT_TOKEN", "not-a-token-hunter2");
        env.put("SECRET_KEY", "hunter2hunter2");
        env.put("HELEKET_API_KEY", "with space hunter2");
        env.put("DATABASE_URL", "postgres://app:hunter2@db/vpnbot");

        List<String> problems = problemsOf(env, Purpose.RUN);

        assertThat(problems).hasSize(4).noneMatch(p -> p.contains("hunter2"));
    }

    @Test
    void webhook_mode_needs_an_https_public_url_on_a_port_telegram_accepts_and_a_secret() {
        Map<String, String> env = minimalRun();
        env.put("TELEGRAM_MODE", "webhook");
        assertThat(problemsOf(env, Purpose.RUN))
                .anyMatch(p -> p.startsWith("PUBLIC_URL is not set"))
                .anyMatch(p -> p.startsWith("TELEGRAM_WEBHOOK_SECRET is not set"));

        env.put("PUBLIC_URL", "http://bot.example.com");
        env.put("TELEGRAM_WEBHOOK_SECRET", "has spaces in it");
        assertThat(problemsOf(env, Purpose.RUN)).containsExactlyInAnyOrder(
                "PUBLIC_URL must be https:// in webhook mode: Telegram delivers webhooks over TLS only",
                "TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, - and _ (1-256 of them), as Telegram requires");

        env.put("PUBLIC_URL", "https://bot.example.com:8080");
        env.put("TELEGRAM_WEBHOOK_SECRET", "ok_secret_0123456789");
        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString().contains("ports 443, 80, 88 or 8443");
    }

    @Test
    void heleket_keys_are_needed_unless_test_payments_are_on_and_then_it_is_said_loudly() {
        Map<String, String> env = minimalRun();
        env.remove("HELEKET_MERCHANT_ID");
        env.remove("HELEKET_API_KEY");
        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString().contains("PAYMENT_TEST_MODE=true");

        env.put("PAYMENT_TEST_MODE", "true");
        AppConfig c = run(env);
        assertThat(c.heleket().isConfigured()).isFalse();
        assertThat(c.warnings()).anyMatch(w -> w.contains("Never use it with real customers"));

        env.put("HELEKET_API_KEY", "k");
        assertThat(problemsOf(env, Purpose.RUN)).containsExactly(
                "HELEKET_MERCHANT_ID is not set: HELEKET_MERCHANT_ID and HELEKET_API_KEY go together");
    }

    @Test
    void migrate_needs_only_the_database_and_sandbox_needs_nothing() {
        assertThat(ConfigReader.read(Variables.of(Map.of()), Purpose.MIGRATE).database().isEmbedded()).isTrue();
        AppConfig sandbox = ConfigReader.read(Variables.of(Map.of("BOT_TOKEN", "garbage")), Purpose.SANDBOX);
        assertThat(sandbox.telegram().botToken()).isNull();
    }

    @Test
    void reconcile_interval_accepts_short_and_iso_forms_within_bounds() {
        Map<String, String> env = minimalRun();
        for (var c : Map.of("30s", Duration.ofSeconds(30), "5m", Duration.ofMinutes(5), "PT30S", Duration.ofSeconds(30),
                "1h", Duration.ofHours(1), "pt1m30s", Duration.ofSeconds(90)).entrySet()) {
            env.put("RECONCILE_INTERVAL", c.getKey());
            assertThat(run(env).reconcileInterval()).as(c.getKey()).isEqualTo(c.getValue());
        }
        env.put("RECONCILE_INTERVAL", "1s");
        assertThat(problemsOf(env, Purpose.RUN)).containsExactly("RECONCILE_INTERVAL: must be between 5s and 24h, got 1s");
    }

    @Test
    void panel_drift_interval_takes_a_duration_within_bounds_or_0_or_off_to_switch_the_repair_off() {
        Map<String, String> env = minimalRun();
        for (var c : Map.of("10m", Duration.ofMinutes(10), "PT1H", Duration.ofHours(1), "1m", Duration.ofMinutes(1),
                "0", Duration.ZERO, "off", Duration.ZERO, "OFF", Duration.ZERO, "0s", Duration.ZERO).entrySet()) {
            env.put("PANEL_DRIFT_INTERVAL", c.getKey());
            AppConfig config = run(env);
            assertThat(config.panelDriftInterval()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(config.panelDriftRepairOn()).as(c.getKey()).isEqualTo(!c.getValue().isZero());
        }
        env.put("PANEL_DRIFT_INTERVAL", "30s");
        assertThat(problemsOf(env, Purpose.RUN))
                .containsExactly("PANEL_DRIFT_INTERVAL: must be between 1m and 24h (or 0/off to switch the repair off), got 30s");
        env.put("PANEL_DRIFT_INTERVAL", "sometimes");
        assertThat(problemsOf(env, Purpose.RUN)).singleElement().asString().startsWith("PANEL_DRIFT_INTERVAL: 'sometimes' is not a duration");
    }

    @Test
    void printing_the_configuration_never_shows_a_secret() {
        Map<String, String> env = minimalRun();
        env.put("TELEGRAM_MODE", "webhook");
        env.put("PUBLIC_URL", "https://bot.example.com");
        env.put("TELEGRAM_WEBHOOK_SECRET", "webhooksecretvalue");
        env.put("DATABASE_URL", "jdbc:postgresql://db/vpnbot?password=urlpassword");
        env.put("DATABASE_PASSWORD", "dbpasswordvalue");

        String printed = run(env).toString();

        assertThat(printed).contains("***").contains("jdbc:postgresql://db/vpnbot?…")
                .doesNotContain(TOKEN, "payment-key-42", SECRET_KEY, "webhooksecretvalue", "urlpassword", "dbpasswordvalue");
    }

    @Test
    void the_environment_wins_over_the_env_file(@TempDir Path dir) throws Exception {
        Path dotEnv = dir.resolve(".env");
        Files.writeString(dotEnv, """
                # operator's file
                export BOT_TOKEN=%s
                HTTP_PORT=9000
                TIME_ZONE="UTC"   # quoted
                SECRET_KEY='%s'
                HELEKET_MERCHANT_ID=%s
                HELEKET_API_KEY=from-file
                HTTP_PROT=9001
                """.formatted(TOKEN, SECRET_KEY, MERCHANT));

        Variables vars = Variables.fromEnvironment(Map.of("HTTP_PORT", "9100", "HELEKET_API_KEY", "from-env"), dotEnv);
        AppConfig c = ConfigReader.read(vars, Purpose.RUN);

        assertThat(c.http().port()).isEqualTo(9100);
        assertThat(c.heleket().apiKey().reveal()).isEqualTo("from-env");
        assertThat(c.operator().timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(c.secretKey().reveal()).isEqualTo(SECRET_KEY);
        assertThat(c.warnings()).anyMatch(w -> w.contains("HTTP_PROT") && w.contains("typo"));
    }

    @Test
    void a_broken_env_file_line_is_a_problem_with_its_number_but_not_its_content() {
        DotEnvFile.Contents c = DotEnvFile.parse(".env", List.of("OK=1", "this is hunter2", "Q=\"open"));
        assertThat(c.variables()).containsEntry("OK", "1");
        assertThat(c.problems()).containsExactly(".env line 2: expected NAME=value", ".env line 3 (Q): the double quote is not closed");
    }

    @Test
    void address_allowlists_match_single_addresses_and_cidr_blocks() throws Exception {
        IpRanges ranges = IpRanges.parse("31.133.220.8, 10.0.0.0/8, 2001:db8::/32");
        assertThat(ranges.contains(InetAddress.getByName("31.133.220.8"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("31.133.220.9"))).isFalse();
        assertThat(ranges.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("::1"))).isFalse();
        assertThatThrownBy(() -> IpRanges.parse("heleket.com, 1.2.3.4/40"))
                .hasMessage("not an IP address or CIDR block: 'heleket.com', '1.2.3.4/40'");
    }

    @Test
    void a_secret_prints_as_a_mask_and_compares_in_constant_time() {
        Secret s = Secret.of("topsecret");
        assertThat(s).hasToString("***");
        assertThat(s.matches("topsecret")).isTrue();
        assertThat(s.matches("topsecreT")).isFalse();
        assertThat(s.matches(null)).isFalse();
    }

    @Test
    void shop_limits_default_sensibly_and_are_read_and_checked() {
        Map<String, String> env = minimalRun();
        assertThat(run(env).limits()).isEqualTo(ShopLimits.defaults());

        env.put("MAX_OPEN_ORDERS", "3");
        env.put("USER_ACTIONS_PER_MINUTE", "120");
        env.put("LATE_PAYMENT_WINDOW", "48h");
        assertThat(run(env).limits()).isEqualTo(new ShopLimits(3, 120, Duration.ofHours(48)));

        env.put("MAX_OPEN_ORDERS", "0");
        env.put("USER_ACTIONS_PER_MINUTE", "many");
        env.put("LATE_PAYMENT_WINDOW", "60d");
        assertThat(problemsOf(env, Purpose.RUN)).containsExactlyInAnyOrder(
                "MAX_OPEN_ORDERS: must be between 1 and 100, got 0",
                "USER_ACTIONS_PER_MINUTE: must be a whole number between 5 and 10000, got many",
                "LATE_PAYMENT_WINDOW: must be at most 30d, got 60d");
    }
}
