package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollment;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database route's role (docs/NODES.md): a node may insert an enrolment request into
 * {@code node_enrollments} and do nothing else, not even read its own row back.
 */
@PostgresTest
class EnrollmentRoleTest {
    private static final String REQUEST = "INSERT INTO node_enrollments (token, server_name, panel_url, panel_username, panel_password,"
            + " cert_sha256, inbound_port, reality_sni) VALUES ('vpnbot-enroll-abc', 'Frankfurt', 'https://node.example:24817/Zk3/',"
            + " 'n0de', 'node-pass', 'abababababababababababababababababababababababababababababababab', 8443, 'www.microsoft.com')";
    private static String role;
    private static String password;

    @BeforeAll
    static void createEnrollmentRole(PostgresPersistence owner, TestSchema schema) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        role = "vpnbot_node_" + HexFormat.of().formatHex(random);
        password = HexFormat.of().formatHex(random) + "Pw";
        schema.database().execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        owner.grantEnrollmentRole(role);
    }

    @AfterAll
    static void dropEnrollmentRole(TestSchema schema) {
        schema.database().execute("DROP OWNED BY " + role);
        schema.database().execute("DROP ROLE " + role);
    }

    private static Connection asNode(TestSchema schema) throws SQLException {
        Connection node = DriverManager.getConnection(schema.settings().jdbcUrl(), role, password);
        node.setSchema(schema.name());
        return node;
    }

    @Test
    void the_node_role_inserts_a_request_and_the_bot_takes_it_once_wiping_its_secrets(PostgresPersistence db, TestSchema schema)
            throws SQLException {
        schema.truncateAll();
        try (Connection node = asNode(schema); Statement s = node.createStatement()) {
            assertThat(s.executeUpdate(REQUEST)).isEqualTo(1);
        }
        QueuedEnrollment taken = db.queuedEnrollments().takeNext(Instant.parse("2026-12-01T10:00:00Z")).orElseThrow();
        assertThat(taken).extracting(QueuedEnrollment::token, QueuedEnrollment::serverName, QueuedEnrollment::panelUrl,
                QueuedEnrollment::username, QueuedEnrollment::password, QueuedEnrollment::inboundPort, QueuedEnrollment::sni)
                .containsExactly("vpnbot-enroll-abc", "Frankfurt", "https://node.example:24817/Zk3/", "n0de", "node-pass", 8443,
                        "www.microsoft.com");
        assertThat(taken.toString()).doesNotContain("node-pass", "vpnbot-enroll-abc");
        assertThat(schema.queryLong("SELECT count(*) FROM node_enrollments WHERE token IS NULL AND panel_password IS NULL"
                + " AND panel_api_token IS NULL AND taken_at IS NOT NULL")).isEqualTo(1);
        assertThat(db.queuedEnrollments().takeNext(Instant.parse("2026-12-01T10:00:01Z"))).isEmpty();

        db.queuedEnrollments().finish(taken.id(), "enrolled as server 7", Instant.parse("2026-12-01T10:00:02Z"));
        assertThat(schema.queryString("SELECT outcome FROM node_enrollments WHERE id = " + taken.id())).isEqualTo("enrolled as server 7");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "SELECT * FROM node_enrollments",
            "SELECT count(*) FROM node_enrollments",
            REQUEST + " RETURNING id",
            "UPDATE node_enrollments SET outcome = 'forged'",
            "DELETE FROM node_enrollments",
            "TRUNCATE node_enrollments",
            "INSERT INTO node_enrollments (panel_url, taken_at) VALUES ('https://x.example/', now())",
            "INSERT INTO node_enrollments (panel_url, outcome) VALUES ('https://x.example/', 'enrolled as server 1')",
            "SELECT * FROM enrollment_tokens",
            "INSERT INTO enrollment_tokens (secret_sha256, server_name, max_clients, issued_at, expires_at)"
                    + " VALUES (repeat('a', 64), 'Mine', 9, now(), now() + interval '1 day')",
            "UPDATE enrollment_tokens SET used_at = NULL",
            "SELECT * FROM servers",
            "UPDATE servers SET is_active = false",
            "INSERT INTO users (id, first_name, language, registered_at) VALUES (1, 'x', 'EN', now())",
            "SELECT * FROM users",
            "SELECT * FROM vpn_keys",
            "SELECT * FROM orders",
            "SELECT * FROM flyway_schema_history",
            "CREATE TABLE intruder (id int)",
            "DROP TABLE node_enrollments",
            "ALTER TABLE node_enrollments ADD COLUMN intruder int"})
    void the_node_role_can_do_nothing_else(String statement, TestSchema schema) throws SQLException {
        try (Connection node = asNode(schema); Statement s = node.createStatement()) {
            assertThatThrownBy(() -> s.execute(statement))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                            .as("%s: %s", statement, e.getMessage())
                            .isEqualTo("42501")); // insufficient_privilege
        }
    }

    @Test
    void the_documented_statements_are_the_two_grants() {
        assertThat(PostgresPersistence.enrollmentRoleStatements("vpnbot", "vpnbot_node")).containsExactly(
                "GRANT USAGE ON SCHEMA \"vpnbot\" TO \"vpnbot_node\"",
                "GRANT INSERT (token, server_name, panel_url, panel_username, panel_password, panel_api_token, cert_sha256,"
                        + " inbound_port, reality_sni)\n    ON \"vpnbot\".node_enrollments TO \"vpnbot_node\"");
        assertThatThrownBy(() -> PostgresPersistence.enrollmentRoleStatements("vpnbot", "node; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
