package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.TelegramMode;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.domain.server.Server;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What runs where, logged once the bot has started: one screen an operator checks against what
 * they meant to configure. It names places and counts, never a token, key or password.
 */
final class StartupBanner {
    private static final String JDBC = "jdbc:postgresql://";

    /**
     * What the banner shows.
     *
     * @param embeddedData the embedded database's data directory; null with DATABASE_URL
     * @param httpPort     the port the HTTP server really bound
     * @param servers      the servers on record (retired ones are not); null when they could not be read
     */
    record Facts(AppConfig config, DatabaseLocation database, Path embeddedData, int httpPort, List<Server> servers) {

        /** Read from the started bot; the servers are left out (null) when the database cannot list them. */
        static Facts of(Injector bot, Optional<EmbeddedDatabase> embedded) {
            List<Server> servers;
            try {
                servers = bot.getInstance(Servers.class).all();
            } catch (RuntimeException e) {
                servers = null; // the banner must not stop a bot that started
            }
            return new Facts(bot.getInstance(AppConfig.class), bot.getInstance(DatabaseLocation.class),
                    embedded.map(EmbeddedDatabase::dataDirectory).orElse(null), bot.getInstance(WebServer.class).port(), servers);
        }
    }

    private StartupBanner() {}

    static String text(String version, long msSinceLaunch, Facts facts) {
        AppConfig c = facts.config();
        return String.join("\n",
                "vpnbot " + version + " is ready, " + msSinceLaunch + " ms after launch",
                "  Telegram:  " + telegram(c),
                "  database:  " + database(facts),
                "  HTTP:      port " + facts.httpPort() + " on every interface; "
                        + (c.http().publicUrl() == null ? "no public address (PUBLIC_URL is not set)" : "public address " + c.http().publicUrl()),
                "  payments:  " + payments(c.heleket()),
                "  servers:   " + servers(facts.servers()),
                "  admins:    " + (c.operator().adminIds().isEmpty() ? "none (ADMIN_IDS is not set)" : c.operator().adminIds().size() + " configured"));
    }

    private static String telegram(AppConfig c) {
        if (c.telegram().mode() == TelegramMode.WEBHOOK) {
            return "webhook: Telegram posts updates to " + c.http().publicAddress("/webhooks/telegram").map(URI::toString).orElse("?");
        }
        return "long polling, asking " + c.telegram().apiUrl();
    }

    private static String database(Facts facts) {
        if (facts.embeddedData() != null) {
            return "embedded PostgreSQL, data in " + facts.embeddedData() + " (" + where(facts.database().jdbcUrl()) + ")";
        }
        return "PostgreSQL at " + where(facts.database().jdbcUrl()) + " (DATABASE_URL)";
    }

    /** host:port/database from a JDBC URL, without its query or anything else that may carry a password. */
    static String where(String jdbcUrl) {
        String rest = jdbcUrl.startsWith(JDBC) ? jdbcUrl.substring(JDBC.length()) : jdbcUrl;
        rest = rest.replaceAll("[?#].*$", "");
        int at = rest.lastIndexOf('@');
        return at >= 0 ? rest.substring(at + 1) : rest;
    }

    private static String payments(HeleketConfig heleket) {
        if (heleket.isConfigured() && heleket.testMode()) return "Heleket, and test payments (PAYMENT_TEST_MODE: anyone can pay without money)";
        if (heleket.isConfigured()) return "Heleket";
        if (heleket.testMode()) return "test payments only (PAYMENT_TEST_MODE): nobody pays real money";
        return "none";
    }

    private static String servers(List<Server> servers) {
        if (servers == null) return "could not be counted (the database did not answer; /healthz says more)";
        long selling = servers.stream().filter(Server::isOfferedToBuyers).count();
        if (servers.isEmpty()) return "none yet: add one with `java -jar vpnbot.jar server add` or /admin in Telegram";
        return selling + " of " + servers.size() + " can sell (switched on, not full)";
    }
}
