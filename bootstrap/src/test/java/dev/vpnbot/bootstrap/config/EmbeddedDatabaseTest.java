package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.bootstrap.health.DatabaseHealthCheck;
import dev.vpnbot.bootstrap.health.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The embedded PostgreSQL, started for real (as root through `unshare -U` on this kind of machine). */
class EmbeddedDatabaseTest {

    private static Connection connect(DatabaseLocation db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password().reveal());
    }

    @Test
    void data_survives_a_restart_on_the_same_directory_with_the_same_port(@TempDir Path dataDir) throws Exception {
        int port;
        DatabaseLocation location;
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            port = first.port();
            assertThat(first.dataDirectory()).isEqualTo(dataDir.resolve("postgres").toAbsolutePath());
            assertThat(DatabaseLocation.embedded(first.settings()).embedded()).isTrue();
            assertThat(DatabaseLocation.embedded(first.settings()).jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/vpnbot");
            try (Connection c = connect(DatabaseLocation.embedded(first.settings())); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('paid order 42')");
            }
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
            assertThat(second.port()).isEqualTo(port);
            try (Connection c = connect(DatabaseLocation.embedded(second.settings())); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("paid order 42");
            }
            assertThat(new DatabaseHealthCheck(dataSource(DatabaseLocation.embedded(second.settings()))).check().status()).isEqualTo(Health.Status.UP);
            location = DatabaseLocation.embedded(second.settings());
        }

        Health afterStop = new DatabaseHealthCheck(dataSource(location)).check();
        assertThat(afterStop.status()).isEqualTo(Health.Status.DOWN);
        assertThat(afterStop.detail()).doesNotContain(location.password().reveal());
    }

    @Test
    void logins_need_the_generated_password_and_a_second_bot_on_the_same_directory_is_refused(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertThatThrownBy(() -> DriverManager.getConnection(DatabaseLocation.embedded(db.settings()).jdbcUrl(), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection c = connect(DatabaseLocation.embedded(db.settings()))) {
                assertThat(c.isValid(2)).isTrue();
            }
            Path settings = dataDir.resolve("embedded-postgres.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");
            assertThat(Files.readString(settings)).contains("password=" + DatabaseLocation.embedded(db.settings()).password().reveal());
            assertThat(DatabaseLocation.embedded(db.settings()).toString()).doesNotContain(DatabaseLocation.embedded(db.settings()).password().reveal());

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir)).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another running vpnbot");

            // an operator command joins the running bot's database instead, and leaves it running
            try (EmbeddedDatabase joined = EmbeddedDatabase.startOrJoin(dataDir)) {
                assertThat(joined.joined()).isTrue();
                assertThat(DatabaseLocation.embedded(joined.settings())).isEqualTo(DatabaseLocation.embedded(db.settings()));
                try (Connection c = connect(DatabaseLocation.embedded(joined.settings()))) {
                    assertThat(c.isValid(2)).isTrue();
                }
            }
            try (Connection c = connect(DatabaseLocation.embedded(db.settings()))) {
                assertThat(c.isValid(2)).isTrue(); // the running one was not disturbed
            }
        }
    }

    private static PGSimpleDataSource dataSource(DatabaseLocation location) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(location.jdbcUrl());
        ds.setUser(location.user());
        ds.setPassword(location.password().reveal());
        ds.setConnectTimeout(2);
        return ds;
    }
}
