package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults and refusals that keep a new operator safe: issue 14, item 6 and 7. */
class SaferConfigurationTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static Map<String, String> minimalRun() {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", TOKEN);
        env.put("HELEKET_MERCHANT_ID", "c26b80a8-9549-4b75-9e2b-2ab3d4ff1e85");
        env.put("HELEKET_API_KEY", "payment-key-42");
        env.put("SECRET_KEY", KEY);
        return env;
    }

    private static List<String> problemsOf(Map<String, String> env) {
        try {
            ConfigReader.read(Variables.of(env), Purpose.RUN);
        } catch (InvalidConfiguration e) {
            return e.problems();
        }
        return List.of();
    }

    @Test
    void the_http_server_binds_loopback_unless_http_bind_says_otherwise() {
        assertThat(ConfigReader.read(Variables.of(minimalRun()), Purpose.RUN).http().bind()).isEqualTo("127.0.0.1");

        Map<String, String> env = minimalRun();
        env.put("HTTP_BIND", "0.0.0.0");
        AppConfig open = ConfigReader.read(Variables.of(env), Purpose.RUN);
        assertThat(open.http().bind()).isEqualTo("0.0.0.0");
        assertThat(open.warnings()).anyMatch(w -> w.startsWith("HTTP_BIND=0.0.0.0 opens the HTTP server") && w.contains("METRICS_TOKEN"));

        env.put("HTTP_BIND", "bot.example.com");
        assertThat(problemsOf(env)).singleElement().asString().startsWith("HTTP_BIND: 'bot.example.com' is not an IP address");
    }

    @Test
    void a_metrics_token_is_read_and_must_be_long_enough() {
        Map<String, String> env = minimalRun();
        env.put("METRICS_TOKEN", "metrics-token-0123456789");
        env.put("HTTP_BIND", "0.0.0.0");
        AppConfig c = ConfigReader.read(Variables.of(env), Purpose.RUN);
        assertThat(c.http().metricsToken().matches("metrics-token-0123456789")).isTrue();
        assertThat(c.warnings()).noneMatch(w -> w.startsWith("HTTP_BIND"));

        env.put("METRICS_TOKEN", "short");
        assertThat(problemsOf(env)).singleElement().asString().startsWith("METRICS_TOKEN: use at least 16 characters");
    }

    @Test
    void test_payments_next_to_real_heleket_keys_are_refused_unless_forced() {
        Map<String, String> env = minimalRun();
        env.put("PAYMENT_TEST_MODE", "true");
        assertThat(problemsOf(env)).singleElement().asString().startsWith("PAYMENT_TEST_MODE=true next to real Heleket keys")
                .contains("PAYMENT_TEST_MODE_FORCE=true");

        env.put("PAYMENT_TEST_MODE_FORCE", "true");
        AppConfig forced = ConfigReader.read(Variables.of(env), Purpose.RUN);
        assertThat(forced.heleket().testMode()).isTrue();
        assertThat(forced.heleket().isConfigured()).isTrue();
    }

    @Test
    void a_webhook_secret_shorter_than_16_characters_is_refused() {
        Map<String, String> env = minimalRun();
        env.put("TELEGRAM_MODE", "webhook");
        env.put("PUBLIC_URL", "https://bot.example.com");
        env.put("TELEGRAM_WEBHOOK_SECRET", "abc123_short");
        assertThat(problemsOf(env)).singleElement().asString().startsWith("TELEGRAM_WEBHOOK_SECRET is too short: use at least 16");

        env.put("TELEGRAM_WEBHOOK_SECRET", "abcdef0123456789");
        assertThat(problemsOf(env)).isEmpty();
    }

    @Test
    void a_secret_key_that_is_not_32_bytes_is_refused_without_echoing_it() {
        Map<String, String> env = minimalRun();
        env.put("SECRET_KEY", "correct horse battery staple hunter2");
        assertThat(problemsOf(env)).singleElement().asString().startsWith("SECRET_KEY is not 32 bytes").doesNotContain("hunter2");

        env.put("SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIz"); // base64 of 36 bytes
        assertThat(problemsOf(env)).singleElement().asString().startsWith("SECRET_KEY is not 32 bytes");

        env.put("SECRET_KEY", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat(problemsOf(env)).isEmpty();
    }

    @Test
    void a_world_readable_env_file_is_a_warning(@TempDir Path dir) throws Exception {
        Path dotEnv = dir.resolve(".env");
        Files.writeString(dotEnv, "SECRET_KEY=" + KEY + "\n");
        Files.setPosixFilePermissions(dotEnv, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Variables.fromEnvironment(Map.of(), dotEnv).exposure())
                .contains(dotEnv + " is readable by every user of this machine (rw-r--r--) and holds the bot's secrets: chmod 600 " + dotEnv);
        Map<String, String> env = minimalRun();
        env.remove("SECRET_KEY");
        assertThat(ConfigReader.read(Variables.fromEnvironment(env, dotEnv), Purpose.RUN).warnings())
                .anyMatch(w -> w.startsWith(dotEnv + " is readable by every user"));

        Files.setPosixFilePermissions(dotEnv, PosixFilePermissions.fromString("rw-------"));
        assertThat(Variables.fromEnvironment(Map.of(), dotEnv).exposure()).isEmpty();
    }
}
