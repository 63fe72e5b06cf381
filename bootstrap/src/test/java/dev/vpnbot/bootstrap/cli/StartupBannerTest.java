package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Secret;
import dev.vpnbot.bootstrap.config.Variables;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupBannerTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String API_KEY = "heleket-payment-key-do-not-show";
    private static final String SECRET_KEY = "0123456789abcdef0123456789abcdef-key";
    private static final String WEBHOOK_SECRET = "telegram-webhook-secret-do-not-show";
    private static final String DB_PASSWORD = "db-password-do-not-show";

    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", TOKEN);
        env.put("HELEKET_MERCHANT_ID", "c26b80a8-9549-4b75-9e2b-2ab3d4ff1e85");
        env.put("HELEKET_API_KEY", API_KEY);
        env.put("SECRET_KEY", SECRET_KEY);
        env.put("TELEGRAM_MODE", "webhook");
        env.put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("PUBLIC_URL", "https://bot.example.com");
        env.put("ADMIN_IDS", "111, 222");
        env.put("DATABASE_URL", "jdbc:postgresql://db.example.com:5433/vpnbot?sslmode=require&password=" + DB_PASSWORD);
        env.put("DATABASE_USER", "vpnbot_app");
        env.put("DATABASE_PASSWORD", DB_PASSWORD);
        return env;
    }

    private static Server server(long id, boolean active, int max, int keys) {
        PanelConnection panel = new PanelConnection("https://203.0.113.7:2053/secret-path/",
                new PanelCredentials.Password("admin", "panel-password-do-not-show", null), null);
        return new Server(new ServerId(id), "server " + id, panel, 1, active, max, keys);
    }

    @Test
    void a_webhook_bot_on_its_own_database_says_what_runs_where_and_no_secret() {
        AppConfig config = ConfigReader.read(Variables.of(production()), Purpose.RUN);
        DatabaseLocation db = DatabaseLocation.configured(config.database());
        List<Server> servers = List.of(server(1, true, 200, 10), server(2, true, 50, 50), server(3, false, 200, 0));

        String banner = StartupBanner.text("1.2.3", 2345, new StartupBanner.Facts(config, db, null, 8080, servers));

        assertThat(banner.lines()).containsExactly(
                "vpnbot 1.2.3 is ready, 2345 ms after launch",
                "  Telegram:  webhook: Telegram posts updates to https://bot.example.com/webhooks/telegram",
                "  database:  PostgreSQL at db.example.com:5433/vpnbot (DATABASE_URL)",
                "  HTTP:      port 8080 on every interface; public address https://bot.example.com",
                "  payments:  Heleket",
                "  servers:   1 of 3 can sell (switched on, not full)",
                "  admins:    2 configured");
        for (String secret : List.of(TOKEN, API_KEY, SECRET_KEY, WEBHOOK_SECRET, DB_PASSWORD, "panel-password-do-not-show", "sslmode")) {
            assertThat(banner).doesNotContain(secret);
        }
    }

    @Test
    void a_first_start_on_the_embedded_database_with_test_payments_says_what_is_missing() {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", TOKEN);
        env.put("SECRET_KEY", SECRET_KEY);
        env.put("PAYMENT_TEST_MODE", "true");
        AppConfig config = ConfigReader.read(Variables.of(env), Purpose.RUN);
        DatabaseLocation db = new DatabaseLocation("jdbc:postgresql://localhost:54321/vpnbot", "postgres",
                Secret.of("embedded-password-do-not-show"), true);

        String banner = StartupBanner.text("development", 900,
                new StartupBanner.Facts(config, db, Path.of("/srv/vpnbot/data/postgres"), 8080, List.of()));

        assertThat(banner.lines()).containsExactly(
                "vpnbot development is ready, 900 ms after launch",
                "  Telegram:  long polling, asking https://api.telegram.org",
                "  database:  embedded PostgreSQL, data in /srv/vpnbot/data/postgres (localhost:54321/vpnbot)",
                "  HTTP:      port 8080 on every interface; no public address (PUBLIC_URL is not set)",
                "  payments:  test payments only (PAYMENT_TEST_MODE): nobody pays real money",
                "  servers:   none yet: add one with `java -jar vpnbot.jar server add` or /admin in Telegram",
                "  admins:    none (ADMIN_IDS is not set)");
        assertThat(banner).doesNotContain("embedded-password-do-not-show").doesNotContain(TOKEN).doesNotContain(SECRET_KEY);
    }

    @Test
    void servers_that_cannot_be_read_do_not_stop_the_banner() {
        AppConfig config = ConfigReader.read(Variables.of(production()), Purpose.RUN);
        String banner = StartupBanner.text("1", 1, new StartupBanner.Facts(config,
                DatabaseLocation.configured(config.database()), null, 8080, null));
        assertThat(banner).contains("  servers:   could not be counted");
    }
}
