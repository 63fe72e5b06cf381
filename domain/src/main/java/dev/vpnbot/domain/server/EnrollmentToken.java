package dev.vpnbot.domain.server;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A one-time permission for a new node to join as a server: issued by an admin for one server
 * name and capacity, good until it expires, used once. Only the SHA-256 of the secret is kept,
 * so a copy of the database enrols nothing.
 *
 * @param secretSha256 SHA-256 of the token text the node presents, 64 lower-case hex digits
 * @param group        the server group the admin named, kept as plain text until groups exist, or null
 * @param usedAt       when an enrolment claimed it, or null while it is still free
 */
public record EnrollmentToken(String secretSha256, String serverName, int maxClients, String group,
                              Instant issuedAt, Instant expiresAt, Instant usedAt) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    public static final int MAX_GROUP_LENGTH = 64;

    /** Why a token cannot enrol a node. */
    public enum Unusable {
        USED,
        EXPIRED,
        /** The node asked for another server name than the one the token was issued for. */
        OTHER_NAME
    }

    public EnrollmentToken {
        Objects.requireNonNull(secretSha256, "secretSha256");
        if (!SHA256_HEX.matcher(secretSha256).matches()) throw new IllegalArgumentException("token hash must be SHA-256 hex");
        Objects.requireNonNull(serverName, "serverName");
        serverName = serverName.strip();
        if (serverName.isEmpty() || serverName.length() > Server.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("server name must be 1.." + Server.MAX_NAME_LENGTH + " characters");
        }
        if (maxClients < 1) throw new IllegalArgumentException("max clients must be at least 1: " + maxClients);
        group = group == null || group.isBlank() ? null : group.strip();
        if (group != null && group.length() > MAX_GROUP_LENGTH) {
            throw new IllegalArgumentException("group must be at most " + MAX_GROUP_LENGTH + " characters");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) throw new IllegalArgumentException("a token must expire after it is issued");
    }

    /**
     * Whether this token may enrol a node now under {@code requestedName} (null: the token's own
     * name). A used token stays used even after it expires: the node hears the truer reason.
     */
    public Optional<Unusable> unusableFor(String requestedName, Instant now) {
        if (usedAt != null) return Optional.of(Unusable.USED);
        if (!now.isBefore(expiresAt)) return Optional.of(Unusable.EXPIRED);
        if (requestedName != null && !requestedName.isBlank() && !requestedName.strip().equals(serverName)) {
            return Optional.of(Unusable.OTHER_NAME);
        }
        return Optional.empty();
    }

    public EnrollmentToken usedAt(Instant when) {
        return new EnrollmentToken(secretSha256, serverName, maxClients, group, issuedAt, expiresAt, when);
    }
}
