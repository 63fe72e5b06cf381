package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.domain.server.EnrollmentToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Persistence adapter: enrolment tokens in {@code enrollment_tokens}, keyed by the SHA-256 of
 * their secret. A claim is one conditional UPDATE, so of concurrent claims exactly one changes the row.
 */
final class PostgresEnrollmentTokens implements EnrollmentTokens {
    private final Database db;

    PostgresEnrollmentTokens(Database db) {
        this.db = db;
    }

    @Override
    public void add(EnrollmentToken token) {
        int inserted = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO enrollment_tokens (secret_sha256, server_name, max_clients, server_group, issued_at, expires_at, used_at)
                        VALUES (:hash, :name, :maxClients, :group, :issuedAt, :expiresAt, :usedAt)
                        ON CONFLICT (secret_sha256) DO NOTHING""")
                .bind("hash", token.secretSha256())
                .bind("name", token.serverName())
                .bind("maxClients", token.maxClients())
                .bindByType("group", token.group(), String.class)
                .bindByType("issuedAt", token.issuedAt(), Instant.class)
                .bindByType("expiresAt", token.expiresAt(), Instant.class)
                .bindByType("usedAt", token.usedAt(), Instant.class)
                .execute());
        if (inserted == 0) throw new IllegalStateException("an enrolment token with this hash is already stored");
    }

    @Override
    public Optional<EnrollmentToken> find(String secretSha256) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM enrollment_tokens WHERE secret_sha256 = :hash")
                .bind("hash", secretSha256)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public boolean claim(String secretSha256, Instant when) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE enrollment_tokens SET used_at = :when
                         WHERE secret_sha256 = :hash AND used_at IS NULL AND expires_at > :when""")
                .bind("hash", secretSha256)
                .bindByType("when", when, Instant.class)
                .execute()) == 1;
    }

    @Override
    public void release(String secretSha256) {
        db.withHandle(h -> h.createUpdate("UPDATE enrollment_tokens SET used_at = NULL WHERE secret_sha256 = :hash")
                .bind("hash", secretSha256)
                .execute());
    }

    private static EnrollmentToken token(ResultSet rs) throws SQLException {
        return new EnrollmentToken(rs.getString("secret_sha256"), rs.getString("server_name"), rs.getInt("max_clients"),
                rs.getString("server_group"), Columns.instant(rs, "issued_at"), Columns.instant(rs, "expires_at"),
                Columns.instant(rs, "used_at"));
    }
}
