package dev.vpnbot.domain.key;

import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A VPN key we sold: its client on one or more servers' panels ({@link Placement}s), valid until
 * {@code expiresAt}. {@code serverId} and {@code links} are its home placement's.
 *
 * <p>Expiry is an {@link Instant} cut to whole milliseconds, because the panel stores epoch
 * milliseconds and our database stores microseconds: cutting here makes both sides hold
 * exactly the same value.
 *
 * @param links null until the panel client exists
 */
public record VpnKey(KeyId id, UserId owner, ServerId serverId, PanelClientId client,
                     Instant expiresAt, KeyStatus status, KeyLinks links, Instant createdAt) {

    public VpnKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(serverId, "serverId: a key always lives on a server");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        if (status == KeyStatus.ACTIVE && links == null) {
            throw new IllegalArgumentException("an active key has links");
        }
    }

    /** A key reserved for a paid order, before the panel is asked to create its client. */
    public static VpnKey reserve(KeyId id, UserId owner, ServerId serverId, PanelClientId client,
                                 Duration validity, Instant now) {
        return new VpnKey(id, owner, serverId, client, now.plus(validity), KeyStatus.PROVISIONING, null, now);
    }

    /**
     * Rule: an extension starts from the later of now and the current expiry, so a key
     * renewed early loses nothing and a key renewed after it lapsed starts counting today.
     */
    public static Instant extendedExpiry(Instant currentExpiry, Instant now, Duration extension) {
        Instant base = currentExpiry.isAfter(now) ? currentExpiry : now;
        return base.plus(extension).truncatedTo(ChronoUnit.MILLIS);
    }

    public VpnKey extend(Duration extension, Instant now) {
        return withExpiry(extendedExpiry(expiresAt, now, extension));
    }

    public RemainingTime remaining(Clock clock) {
        return new RemainingTime(Duration.between(clock.instant(), expiresAt));
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Usable right now: on the panel, switched on and not expired. */
    public boolean isUsable(Instant now) {
        return status == KeyStatus.ACTIVE && !isExpired(now);
    }

    public boolean belongsTo(UserId user) {
        return owner.equals(user);
    }

    public VpnKey activated(KeyLinks newLinks) {
        return new VpnKey(id, owner, serverId, client, expiresAt, KeyStatus.ACTIVE, newLinks, createdAt);
    }

    /**
     * The key live with another placement as its home (its first location failed and this one
     * worked; or a move): the same client, the home's links.
     */
    public VpnKey rehomed(ServerId newHome, KeyLinks homeLinks) {
        return new VpnKey(id, owner, Objects.requireNonNull(newHome, "newHome"), client, expiresAt, KeyStatus.ACTIVE, homeLinks, createdAt);
    }

    public VpnKey withExpiry(Instant newExpiry) {
        return new VpnKey(id, owner, serverId, client, newExpiry, status, links, createdAt);
    }

    /** The key under a new panel identity (a reset link: new UUID and subId), with the links made for it. */
    public VpnKey withClient(PanelClientId newClient, KeyLinks newLinks) {
        if (!newClient.email().equals(client.email())) throw new IllegalArgumentException("a key keeps its panel email");
        return new VpnKey(id, owner, serverId, newClient, expiresAt, status, newLinks, createdAt);
    }

    public VpnKey withStatus(KeyStatus newStatus) {
        return new VpnKey(id, owner, serverId, client, expiresAt, newStatus, links, createdAt);
    }
}
