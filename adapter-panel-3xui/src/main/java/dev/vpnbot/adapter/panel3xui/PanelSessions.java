package dev.vpnbot.adapter.panel3xui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open panel sessions: one per server, rebuilt when the server's connection settings
 * change, all sharing one OkHttp connection pool. A connection test borrows a server's session
 * when the connection is the same, so it neither logs in twice nor bypasses that panel's writer.
 */
final class PanelSessions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PanelSessions.class);

    private final ThreeXuiSettings settings;
    private final Clock clock;
    private final PanelWriteLock writeLock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final OkHttpClient base;
    /** Whether {@link #base} is this adapter's own (closed here) or shared (closed by its owner). */
    private final boolean ownsClient;
    private final Map<ServerId, PanelSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong inspections = new AtomicLong();

    /** @param base the shared client each session derives its own from; null for a client of the adapter's own */
    PanelSessions(ThreeXuiSettings settings, Clock clock, PanelWriteLock writeLock, OkHttpClient base) {
        this.ownsClient = base == null;
        this.base = base == null ? new OkHttpClient() : base;
        this.settings = settings;
        this.clock = clock;
        this.writeLock = writeLock;
    }

    PanelSession of(Server server) {
        return sessions.compute(server.id(), (id, existing) -> {
            if (existing != null && existing.connection().equals(server.connection())) return existing;
            if (existing != null) {
                log.info("panel of server {}: connection settings changed, reconnecting", id);
                existing.close();
            }
            return new PanelSession("server-" + id, server.connection(), settings, base, json, clock, writeLock);
        });
    }

    /** A cached session with the same connection if a server uses it, else a throwaway one. */
    <T> T withInspectionSession(PanelConnection connection, Function<PanelSession, T> work) {
        for (PanelSession s : new ArrayList<>(sessions.values())) {
            if (s.connection().equals(connection)) return work.apply(s);
        }
        try (PanelSession s = new PanelSession("probe-" + inspections.incrementAndGet(), connection, settings, base, json, clock, writeLock)) {
            return work.apply(s);
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(PanelSession::close);
        sessions.clear();
        if (ownsClient) {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }
    }
}
