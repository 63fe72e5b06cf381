package dev.vpnbot.adapter.panel3xui.client;

import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The inbounds new clients go to, without their clients (protocol, port, stream and Reality
 * settings: what links and the Vision flow need), kept for a short while. Reading the whole
 * inbound for every new key costs the panel and us time in proportion to its clients; its shape
 * changes only when an admin edits it, and a minute of old shape is what an edit costs at most.
 */
final class InboundShapes {
    static final Duration KEPT = Duration.ofSeconds(60);

    private record Kept(StoredInbound shape, long readAtNanos) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    InboundShapes(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** The shape of the inbound: kept, or read from the panel (one whole read) when too old. */
    StoredInbound of(PanelSession s, int inboundId) {
        String key = s.connection().baseUrl() + "#" + inboundId;
        Kept k = kept.get(key);
        long now = nanos.getAsLong();
        if (k != null && now - k.readAtNanos() < KEPT.toNanos()) return k.shape();
        StoredInbound shape = s.inbound(inboundId).withoutClients();
        kept.put(key, new Kept(shape, now));
        return shape;
    }

    /** After a refusal that may come from a changed inbound: the next key reads it afresh. */
    void forget(PanelSession s, int inboundId) {
        kept.remove(s.connection().baseUrl() + "#" + inboundId);
    }
}
