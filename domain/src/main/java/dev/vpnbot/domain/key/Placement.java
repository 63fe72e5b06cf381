package dev.vpnbot.domain.key;

import dev.vpnbot.domain.server.ServerId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One location of a key: its client on one server's panel. Rule: every placement of a key is the
 * key's own client (the key's UUID, subId and expiry); only the server, its status and the links
 * built by that server's panel differ. A key's home placement is on {@link VpnKey#serverId()}.
 * Moving a key is adding a placement on the target and disabling the source's.
 *
 * @param links null until the client is on the panel
 */
public record Placement(KeyId key, ServerId server, String panelEmail, PlacementStatus status, KeyLinks links,
                        Instant createdAt) {

    public Placement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(panelEmail, "panelEmail");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        if (status == PlacementStatus.ACTIVE && links == null) throw new IllegalArgumentException("an active placement has links");
    }

    /** The key wanted on a server, before its panel is asked. */
    public static Placement pending(VpnKey key, ServerId server, Instant now) {
        return new Placement(key.id(), server, key.client().email(), PlacementStatus.PENDING, null, now);
    }

    /** The client is on the panel, with the links that panel built. */
    public Placement activated(KeyLinks newLinks) {
        return new Placement(key, server, panelEmail, PlacementStatus.ACTIVE, newLinks, createdAt);
    }

    public Placement disabled() {
        return new Placement(key, server, panelEmail, PlacementStatus.DISABLED, links, createdAt);
    }

    public boolean isActive() {
        return status == PlacementStatus.ACTIVE;
    }

    public boolean isPending() {
        return status == PlacementStatus.PENDING;
    }
}
