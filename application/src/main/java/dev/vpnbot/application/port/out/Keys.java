package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the keys we sold. */
public interface Keys {
    KeyId nextId();

    Optional<VpnKey> find(KeyId id);

    /** Like {@link #find} but locks the key until the surrounding transaction ends. */
    Optional<VpnKey> findForUpdate(KeyId id);

    /** A user's keys, newest first, deleted ones left out. */
    List<VpnKey> ofOwner(UserId owner);

    /**
     * One page of a user's keys (deleted ones left out), the latest expiry first (then the newest
     * key): {@code limit} keys after skipping {@code offset}. The screen reads only what it shows.
     */
    default List<VpnKey> ofOwnerByExpiry(UserId owner, int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit cannot be negative");
        return ofOwner(owner).stream()
                .sorted(java.util.Comparator.comparing(VpnKey::expiresAt).thenComparing(k -> k.id().value()).reversed())
                .skip(offset).limit(limit).toList();
    }

    /**
     * Active keys whose expiry lies in [from, to) and that have no sent notification of
     * {@code reminderKind} yet for their current expiry (see {@link SentNotifications}; subject
     * {@link #reminderSubject}), soonest first. A renewed key has a new expiry, so it is reminded again.
     */
    List<VpnKey> expiringWithoutReminder(Instant from, Instant to, String reminderKind, int limit);

    /** The ledger subject of a key's reminders: "key:&lt;id&gt;@&lt;expiry epoch millis&gt;". */
    static String reminderSubject(VpnKey key) {
        return "key:" + key.id().value() + "@" + key.expiresAt().toEpochMilli();
    }

    /**
     * One page of a server's active keys that have not expired ({@code expiresAt > now}), in key
     * id order, starting after {@code after} (null: from the first): keys whose home is the server
     * and keys with an active placement on it. Walking a server page by page never holds all its
     * keys at once.
     */
    List<VpnKey> activeOn(ServerId server, Instant now, KeyId after, int limit);

    /** Inserts or updates. Panel email and subId are unique across all keys. */
    void save(VpnKey key);
}
