package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.client.ClientQuotas;
import dev.vpnbot.adapter.panel3xui.client.ClientTraffics;
import dev.vpnbot.adapter.panel3xui.client.PanelClients;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import okhttp3.OkHttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Adapter: the {@link VpnPanel} and {@link PanelInspection} ports over the 3x-ui HTTP API, for
 * all three API generations (legacy v1–v2.9, v3.0 with CSRF, v3.1+ clients API).
 *
 * <p>One HTTP client and session per server, rebuilt when the server's connection settings
 * change ({@link PanelSessions}). The keys' clients are {@link PanelClients}' business, the
 * admin's connection tests and new inbounds {@link PanelInspector}'s.
 */
public final class ThreeXuiPanel implements VpnPanel, PanelInspection, ClientUsage, ClientQuota, AutoCloseable {

    private final PanelSessions sessions;
    private final VpnPanel clients;
    private final PanelInspection inspector;
    private final ClientUsage usage;
    private final ClientQuota quotas;

    /**
     * @param writeLock held around every write to a panel, for bots that run as several instances
     * @param http      the process's shared client: each panel session derives its own timeouts and TLS from it with
     *                  {@code newBuilder()}; its owner closes it, after this panel
     */
    public ThreeXuiPanel(ThreeXuiSettings settings, Clock clock, PanelWriteLock writeLock, OkHttpClient http) {
        this.sessions = new PanelSessions(settings, clock, writeLock, java.util.Objects.requireNonNull(http, "http"));
        this.clients = new PanelClients(sessions::of);
        this.inspector = new PanelInspector(sessions);
        this.usage = new ClientTraffics(sessions::of);
        this.quotas = new ClientQuotas(sessions::of);
    }

    /** With an HTTP client of its own, closed with the panel. */
    public ThreeXuiPanel(ThreeXuiSettings settings, Clock clock, PanelWriteLock writeLock) {
        this.sessions = new PanelSessions(settings, clock, writeLock, null);
        this.clients = new PanelClients(sessions::of);
        this.inspector = new PanelInspector(sessions);
        this.usage = new ClientTraffics(sessions::of);
        this.quotas = new ClientQuotas(sessions::of);
    }

    /** A bot that runs as a single instance. */
    public ThreeXuiPanel(ThreeXuiSettings settings, Clock clock) {
        this(settings, clock, PanelWriteLock.singleInstance());
    }

    public ThreeXuiPanel() {
        this(ThreeXuiSettings.defaults(), Clock.systemUTC());
    }

    // --- VpnPanel ----------------------------------------------------------------------------

    @Override
    public PanelRepair repairClient(Server server, NewPanelClient client) {
        return clients.repairClient(server, client);
    }

    @Override
    public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
        clients.setExpiry(server, client, expiresAt);
    }

    @Override
    public void setEnabled(Server server, PanelClientId client, boolean enabled) {
        clients.setEnabled(server, client, enabled);
    }

    @Override
    public Optional<PanelClientState> findClient(Server server, PanelClientId client) {
        return clients.findClient(server, client);
    }

    @Override
    public void deleteClient(Server server, PanelClientId client) {
        clients.deleteClient(server, client);
    }

    @Override
    public KeyLinks links(Server server, PanelClientId client) {
        return clients.links(server, client);
    }

    // --- ClientUsage -----------------------------------------------------------------------------

    @Override
    public Optional<PanelUsage> usage(Server server, PanelClientId client) {
        return usage.usage(server, client);
    }

    // --- ClientQuota -----------------------------------------------------------------------------

    @Override
    public void setLimits(Server server, PanelClientId client, int limitIp, long totalBytes) {
        quotas.setLimits(server, client, limitIp, totalBytes);
    }

    @Override
    public void resetTraffic(Server server, PanelClientId client) {
        quotas.resetTraffic(server, client);
    }

    // --- PanelInspection ------------------------------------------------------------------------

    @Override
    public PanelProbe probe(PanelConnection connection) {
        return inspector.probe(connection);
    }

    @Override
    public PanelProbe probe(PanelConnection connection, int inboundId) {
        return inspector.probe(connection, inboundId);
    }

    @Override
    public List<PanelInbound> listInbounds(PanelConnection connection) {
        return inspector.listInbounds(connection);
    }

    @Override
    public PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request) {
        return inspector.createRealityInbound(connection, request);
    }

    /** Changes to the server's panel waiting behind the one being written; tests wait on it. */
    int changesWaiting(Server server) {
        return sessions.of(server).writes().waitingCount();
    }

    @Override
    public void close() {
        sessions.close();
    }
}
