package dev.vpnbot.adapter.panel3xui.inbound;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Recent copies of one panel's clients exactly as its inbounds store them, for panels before v3.1:
 * their update route ({@code updateClient/:clientId}) replaces the client with the map it is sent,
 * and no route short of the whole inbound shows that map. Copies come only from what the panel
 * itself showed (a whole-inbound read) or accepted (our own checked update), never from what we
 * merely sent to be created, and are kept for {@link #KEPT} at most. Whoever uses one checks it
 * first against the client's traffic row (one row, whatever the inbound's size), which the panel
 * updates together with the client on every update (email, enable, total, expiry_time, reset:
 * MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L1340-L1352, in the same transaction #L865-L884).
 * What the row does not show (limitIp, tgId, comment, flow) can be at most {@link #KEPT} old.
 */
public final class ClientCopies {
    /** How long a copy stands in for the panel's own answer; the same bound as the inbound shapes. */
    public static final Duration KEPT = Duration.ofSeconds(60);

    private record Kept(StoredClient client, long atNanos) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    public ClientCopies(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Every client of a freshly read inbound; an email held more than once is not kept (a repair's business). */
    public void rememberAll(StoredInbound inbound) {
        long now = nanos.getAsLong();
        kept.values().removeIf(k -> now - k.atNanos() >= KEPT.toNanos());
        Map<String, StoredClient> single = new HashMap<>();
        Map<String, Boolean> repeated = new HashMap<>();
        for (StoredClient c : inbound.clients()) {
            if (c.email().isEmpty()) continue;
            String email = c.email().toLowerCase(Locale.ROOT);
            if (single.putIfAbsent(email, c) != null) repeated.put(email, true);
        }
        single.forEach((email, c) -> {
            if (repeated.containsKey(email)) kept.remove(key(inbound.id(), email));
            else kept.put(key(inbound.id(), email), new Kept(c, now));
        });
    }

    /** A client as the panel has just accepted it. */
    public void remember(int inboundId, StoredClient client) {
        kept.put(key(inboundId, client.email()), new Kept(client, nanos.getAsLong()));
    }

    /** The copy of this email on this inbound, if one is recent enough. */
    public Optional<StoredClient> recent(int inboundId, String email) {
        Kept k = kept.get(key(inboundId, email));
        if (k == null || nanos.getAsLong() - k.atNanos() >= KEPT.toNanos()) return Optional.empty();
        return Optional.of(k.client());
    }

    public void forget(int inboundId, String email) {
        kept.remove(key(inboundId, email));
    }

    /** How many copies are kept (tests). */
    public int size() {
        return kept.size();
    }

    private static String key(int inboundId, String email) {
        return inboundId + "#" + email.toLowerCase(Locale.ROOT);
    }
}
