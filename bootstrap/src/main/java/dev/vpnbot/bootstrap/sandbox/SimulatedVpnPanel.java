package dev.vpnbot.bootstrap.sandbox;

import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SANDBOX ONLY — a simulated 3x-ui panel for {@code vpnbot sandbox}. It keeps clients in
 * memory and hands out links to the reserved {@code .invalid} domain, which no VPN app can
 * connect to. Only the sandbox command wires it (an architecture test checks that); {@code run}
 * never can.
 *
 * <p>It follows the real panel's rules the bot relies on: email unique per server, creation
 * idempotent for the same email and UUID (a repair sets the client to what the database says), "client not found" for an unknown client. Clients
 * are forgotten when the sandbox stops; the bot then re-creates a renewed key's client, exactly
 * as it does when a real panel lost one.
 */
public final class SimulatedVpnPanel implements VpnPanel {

    /** One client as the simulated panel holds it. */
    public record Client(PanelClientId id, Instant expiresAt, boolean enabled, long telegramId) {}

    private final Map<ServerId, Map<String, Client>> clients = new ConcurrentHashMap<>();

    @Override
    public synchronized PanelRepair repairClient(Server server, NewPanelClient wanted) {
        Map<String, Client> onServer = clients.computeIfAbsent(server.id(), id -> new ConcurrentHashMap<>());
        Client existing = onServer.get(wanted.id().email());
        if (existing != null && !existing.id().uuid().equals(wanted.id().uuid())) {
            throw new PanelException(PanelException.Kind.DUPLICATE_EMAIL, "Duplicate email: " + wanted.id().email());
        }
        Set<PanelRepair.Fix> fixes = EnumSet.noneOf(PanelRepair.Fix.class);
        if (existing == null) {
            fixes.add(PanelRepair.Fix.CREATED);
        } else {
            if (!existing.enabled()) fixes.add(PanelRepair.Fix.ENABLED);
            if (!wanted.expiresAt().equals(existing.expiresAt())) fixes.add(PanelRepair.Fix.EXPIRY);
            if (!wanted.id().subId().equals(existing.id().subId())) fixes.add(PanelRepair.Fix.SUB_ID);
        }
        if (!fixes.isEmpty()) {
            onServer.put(wanted.id().email(), new Client(wanted.id(), wanted.expiresAt(), true, wanted.telegramId()));
        }
        return new PanelRepair(links(server, wanted.id()), fixes);
    }

    @Override
    public synchronized void setExpiry(Server server, PanelClientId id, Instant expiresAt) {
        Client c = require(server, id);
        clients.get(server.id()).put(id.email(), new Client(c.id(), expiresAt, true, c.telegramId()));
    }

    @Override
    public synchronized void setEnabled(Server server, PanelClientId id, boolean enabled) {
        Client c = require(server, id);
        clients.get(server.id()).put(id.email(), new Client(c.id(), c.expiresAt(), enabled, c.telegramId()));
    }

    @Override
    public Optional<PanelClientState> findClient(Server server, PanelClientId id) {
        return client(server.id(), id.email()).map(c -> new PanelClientState(c.id(), c.expiresAt(), c.enabled(), 0, 0, 0, "xtls-rprx-vision"));
    }

    @Override
    public synchronized void deleteClient(Server server, PanelClientId id) {
        Map<String, Client> onServer = clients.get(server.id());
        if (onServer != null) onServer.remove(id.email());
    }

    @Override
    public KeyLinks links(Server server, PanelClientId id) {
        String host = "sandbox-server-" + server.id() + ".invalid";
        return new KeyLinks("https://" + host + "/sub/" + id.subId(),
                "vless://" + id.uuid() + "@" + host + ":443?type=tcp&security=reality&flow=xtls-rprx-vision#SANDBOX-" + id.email());
    }

    public Optional<Client> client(ServerId server, String email) {
        return Optional.ofNullable(clients.getOrDefault(server, Map.of()).get(email));
    }

    private Client require(Server server, PanelClientId id) {
        return client(server.id(), id.email()).orElseThrow(
                () -> new PanelException(PanelException.Kind.CLIENT_NOT_FOUND, "client " + id.email() + " not found (sandbox panel)"));
    }
}
