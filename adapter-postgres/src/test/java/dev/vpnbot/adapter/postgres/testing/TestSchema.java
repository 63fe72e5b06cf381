package dev.vpnbot.adapter.postgres.testing;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Test fixture: one test class's own schema on the test database, with the administrator login.
 * Gives the settings for {@code PostgresPersistence}, a plain JDBC URL for other tools, and a
 * few direct SQL helpers for assertions the ports cannot express.
 */
public final class TestSchema {
    /** Every table of the schema, children first, for {@link #truncateAll} (the "all" server group stays: migrations made it). */
    public static final List<String> TABLES = List.of("key_traffic_packs", "gifts", "referrals", "referral_codes", "trials", "auto_renewals", "auto_renew", "top_ups", "balance_entries", "balance_accounts", "promo_redemptions", "promo_remembered", "promo_codes", "key_link_resets", "ban_disabled_keys", "key_placements", "star_payments", "order_notices", "fulfilment_jobs", "payment_events", "orders", "vpn_keys",
            "server_group_members", "servers", "tariffs", "server_groups WHERE id <> 1", "users", "conversation_states", "sent_notifications", "enrollment_tokens", "node_enrollments",
            "sales_pause", "key_moves", "evacuation_skips", "evacuations");

    private final TestDatabase database;
    private final DatabaseSettings settings;

    TestSchema(TestDatabase database, DatabaseSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    public String name() {
        return settings.schema();
    }

    /** Administrator login, this schema. */
    public DatabaseSettings settings() {
        return settings;
    }

    /** A JDBC URL that puts this schema first on the search_path, for tools that take only a URL. */
    public String jdbcUrl() {
        return settings.jdbcUrl() + (settings.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + name();
    }

    public TestDatabase database() {
        return database;
    }

    /** Empties every table (the seeded tariffs too); DELETE, because TRUNCATE is slower on tables this small. */
    public void truncateAll() {
        execute("BEGIN; " + TABLES.stream().map(t -> "DELETE FROM " + t + "; ").reduce("", String::concat) + "COMMIT");
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The single number {@code sql} selects, e.g. a count. */
    public long queryLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row from: " + sql);
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The single text value {@code sql} selects. */
    public String queryString(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row from: " + sql);
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** An administrator connection with this schema on its search_path. */
    public Connection connect() throws SQLException {
        Connection c = database.connect();
        c.setSchema(name());
        return c;
    }

    public void drop() {
        database.dropSchema(name());
    }

    @Override
    public String toString() {
        return "TestSchema[" + name() + " on " + settings.target() + "]";
    }
}
