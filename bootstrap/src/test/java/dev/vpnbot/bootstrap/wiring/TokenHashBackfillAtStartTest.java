package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Variables;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.schedule.StartupJob;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bot's wiring on real PostgreSQL: keys left without a subscription token hash get theirs in the background after start. */
class TokenHashBackfillAtStartTest {
    private final String database = "vpnbot_backfill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private FakeBotApi telegram;
    private Lifecycle lifecycle;
    private String jdbcUrl;
    private DatabaseSettings admin;

    @AfterEach
    void stop() {
        if (lifecycle != null) lifecycle.stop();
        if (telegram != null) telegram.close();
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void the_bot_fills_the_missing_hashes_shortly_after_start_with_the_hash_showing_the_link_writes() throws Exception {
        Injector bot = wire();
        assertThat(bot.getInstance(Key.get(new TypeLiteral<Set<StartupJob>>() {})))
                .extracting(StartupJob::name).containsExactly("token_hash_backfill");
        sql("INSERT INTO users (id, first_name, language, registered_at) VALUES (77, 'Old', 'RU', now())");
        sql("""
                INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret, inbound_id, is_active, max_clients)
                VALUES (1, 'Old', 'https://p.example/', 'password', 'admin', '\\x00', 1, true, 10)""");
        sql("INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status, created_at)"
                + " SELECT g, 77, 1, gen_random_uuid(), 'e' || g, 's' || g, now(), 'PROVISIONING', now() FROM generate_series(1, 1500) g");

        lifecycle = bot.getInstance(Lifecycle.class);
        lifecycle.start();

        Await.until("every key's hash filled after the start", Duration.ofSeconds(60),
                () -> unhashedKeys() == 0);
        String filled = hashes();
        SubscriptionTokens tokens = bot.getInstance(SubscriptionTokens.class);
        SubscriptionToken token = tokens.tokenOf(new KeyId(1_234)).orElseThrow();
        assertThat(tokens.keyOf(token)).contains(new KeyId(1_234));
        assertThat(hashes()).as("showing a link finds its hash in place and writes nothing").isEqualTo(filled);
    }

    private Injector wire() throws Exception {
        telegram = FakeBotApi.start();
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + database);
        admin = db.adminSettings();
        jdbcUrl = "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database;
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("DATABASE_URL", jdbcUrl);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("DATA_DIR", dataDir.toString());
        env.put("PAYMENT_TEST_MODE", "true");
        env.put("SECRET_KEY", SecretBox.newKey());
        AppConfig config = ConfigReader.read(Variables.of(env), Purpose.RUN);
        return Wiring.injector(Wiring.bot(config, DatabaseLocation.configured(config.database())));
    }

    @TempDir
    Path dataDir;

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, admin.user(), admin.password());
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + DatabaseSettings.DEFAULT_SCHEMA);
        }
        return c;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long unhashedKeys() {
        try {
            return count("SELECT count(*) FROM vpn_keys WHERE sub_token_hash IS NULL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String hashes() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(id || ':' || encode(sub_token_hash, 'hex'), ',' ORDER BY id) FROM vpn_keys")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
