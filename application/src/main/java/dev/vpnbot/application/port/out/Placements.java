package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the locations of each key ({@link Placement}), and the group a key was sold for.
 * A pending placement is its own job: it waits here, with its attempts and the time of the next
 * one, until the placement sweep has created its client.
 */
public interface Placements {

    /** The key's placements, in server id order (disabled ones too). */
    List<Placement> of(KeyId key);

    Optional<Placement> find(KeyId key, ServerId server);

    /** Inserts or updates (status and links); a new one is due at once. */
    void save(Placement placement);

    /** Inserts the placement unless the key already has one on that server; true when inserted. */
    boolean addIfMissing(Placement placement);

    /** A listed location: the server's name and the placement's vless:// link. */
    record Listed(ServerId server, String serverName, String vlessUrl) {}

    /** The key's active placements on servers that are switched on, in server id order: what its subscription lists. */
    List<Listed> listed(KeyId key);

    /** The names of the servers the key is (or is being) placed on, disabled ones left out, in server id order. */
    List<String> locationNames(KeyId key);

    /** Pending placements whose next attempt is due, of keys that are active and unexpired (not still being delivered), oldest due first. */
    List<Placement> due(Instant now, int limit);

    /** Failed attempts at a pending placement so far (0 when there is none). */
    int attempts(KeyId key, ServerId server);

    /** An attempt at a pending placement failed: the next is not before {@code next}. Returns the attempts so far. */
    int attemptFailed(KeyId key, ServerId server, Instant next);

    /** Records which group a key was sold for (a key of a one-location tariff has none). */
    void assignGroup(KeyId key, ServerGroupId group);

    Optional<ServerGroupId> groupOf(KeyId key);

    /**
     * Placements the groups want and nobody made yet: for each active, unexpired key sold for a
     * group, each server of the group that is switched on (and not retired) and holds no placement
     * of the key. Returned pending, not stored.
     */
    List<Placement> missingInGroups(Instant now, int limit);

    /**
     * The placements of each of {@code keys} (disabled ones too), in server id order; a key without
     * any is left out. One read for a page of keys (My keys), where {@link #of} per key made a page
     * of 20 cost 40 round trips.
     */
    default java.util.Map<KeyId, List<Placement>> ofKeys(java.util.Collection<KeyId> keys) {
        java.util.Map<KeyId, List<Placement>> out = new java.util.LinkedHashMap<>();
        for (KeyId key : keys) {
            List<Placement> found = of(key);
            if (!found.isEmpty()) out.put(key, found);
        }
        return out;
    }
}
