package dev.vpnbot.adapter.panel3xui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.ShareLinks;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.adapter.panel3xui.session.WriteQueue;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link VpnPanel} port: the clients of our keys on a server's panel, in the routes of the
 * API generation it speaks. Every change goes through the panel's single writer; a client is
 * always updated by read-modify-write of its full stored map, because the panel replaces a
 * client instead of merging (an update that forgets {@code flow} breaks Vision keys).
 *
 * <p>Expiry read from a panel: {@code expiryTime} 0 (never) and negative values (counting starts
 * on first use) are not instants, so {@link PanelClientState#expiresAt()} is null for them.
 */
public final class PanelClients implements VpnPanel {

    private static final Logger log = LoggerFactory.getLogger(PanelClients.class);

    private final Function<Server, PanelSession> sessions;
    private final InboundShapes shapes = new InboundShapes(System::nanoTime);

    /** @param sessions the session with a server's panel */
    public PanelClients(Function<Server, PanelSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public PanelRepair repairClient(Server server, NewPanelClient client) {
        PanelSession s = sessions.apply(server);
        return s.withGeneration(generation -> {
            StoredInbound inbound;
            try {
                inbound = vlessInbound(shapes.of(s, server.inboundId()), s, server.inboundId());
            } catch (PanelException e) {
                shapes.forget(s, server.inboundId());
                throw e;
            }
            ClientSync sync = new ClientSync(s, ClientRoutes.of(generation, s), server.inboundId());
            ObjectNode wanted = newClient(s, client, inbound.carriesVisionFlow());
            ClientSync.Synced synced;
            try {
                synced = s.writes().runGrouped(server.inboundId(), wanted,
                        (List<WriteQueue.Pending<ObjectNode>> batch) -> sync.syncAll(batch));
            } catch (PanelException e) {
                shapes.forget(s, server.inboundId()); // an inbound gone or changed is read afresh next time
                throw e;
            }
            if (!synced.fixes().isEmpty()) {
                log.info("panel {}: client {} is on inbound {} until {} ({})", s.name(), client.id().email(),
                        server.inboundId(), client.expiresAt(), synced.fixes());
            }
            return new PanelRepair(links(s, inbound, synced.client()), synced.fixes());
        });
    }

    @Override
    public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
        long millis = expiresAt.toEpochMilli();
        change(server, client, "set the expiry of", c -> c.withExpiry(millis).withEnabled(true),
                c -> c.expiryTime() == millis && c.enabled());
    }

    @Override
    public void setEnabled(Server server, PanelClientId client, boolean enabled) {
        change(server, client, enabled ? "switch on" : "switch off", c -> c.withEnabled(enabled), c -> c.enabled() == enabled);
    }

    @Override
    public Optional<PanelClientState> findClient(Server server, PanelClientId client) {
        PanelSession s = sessions.apply(server);
        return s.withGeneration(generation -> ClientRoutes.of(generation, s).find(server.inboundId(), client.email())
                .filter(found -> found.client().isOurs(client.uuid()))
                .map(found -> state(client, found)));
    }

    @Override
    public void deleteClient(Server server, PanelClientId client) {
        PanelSession s = sessions.apply(server);
        s.withGeneration(generation -> s.writes().run(() -> {
            new ClientSync(s, ClientRoutes.of(generation, s), server.inboundId()).delete(client.email(), client.uuid());
            return null;
        }));
    }

    @Override
    public KeyLinks links(Server server, PanelClientId client) {
        PanelSession s = sessions.apply(server);
        return s.withGeneration(generation -> {
            StoredInbound inbound = vlessInbound(s, server.inboundId());
            StoredClient stored = ClientRoutes.of(generation, s).find(server.inboundId(), client.email())
                    .map(ClientRoutes.Found::client)
                    .orElseThrow(() -> notFound(s, client));
            requireOurs(s, stored, client);
            return links(s, inbound, stored);
        });
    }

    private void change(Server server, PanelClientId client, String what, UnaryOperator<StoredClient> edit,
                        Predicate<StoredClient> done) {
        PanelSession s = sessions.apply(server);
        s.withGeneration(generation -> s.writes().run(() -> {
            new ClientSync(s, ClientRoutes.of(generation, s), server.inboundId()).change(client.email(), client.uuid(), what, edit, done);
            return null;
        }));
    }

    // --- pieces -----------------------------------------------------------------------------

    private static ObjectNode newClient(PanelSession s, NewPanelClient c, boolean vision) {
        ObjectNode n = s.json().createObjectNode();
        n.put("id", c.id().uuid().toString());
        n.put("flow", vision ? PanelInbound.VISION_FLOW : "");
        n.put("email", c.id().email());
        n.put("limitIp", c.limitIp());
        n.put("totalGB", c.totalBytes()); // bytes, despite the name
        n.put("expiryTime", c.expiresAt().toEpochMilli());
        n.put("enable", true);
        n.put("tgId", c.telegramId()); // a number: v3.5+ rejects a string
        n.put("subId", c.id().subId());
        n.put("comment", "");
        n.put("reset", 0);
        return n;
    }

    private static StoredInbound vlessInbound(PanelSession s, int inboundId) {
        return vlessInbound(s.inbound(inboundId), s, inboundId);
    }

    private static StoredInbound vlessInbound(StoredInbound inbound, PanelSession s, int inboundId) {
        if (!inbound.protocol().equals("vless")) {
            throw new PanelException(PanelFault.INBOUND_NOT_FOUND, "inbound " + inboundId + " on panel " + s.name() + " is "
                    + inbound.protocol() + "; keys need a VLESS inbound");
        }
        return inbound;
    }

    private static KeyLinks links(PanelSession s, StoredInbound inbound, StoredClient client) {
        String vless = ShareLinks.vless(inbound, client, s.host(), s.remarkModel());
        String subId = client.subId();
        String subscription = subId.isEmpty() ? null : ShareLinks.subscriptionUrl(s.subscription(), s.host(), subId);
        return new KeyLinks(subscription, vless);
    }

    private static PanelClientState state(PanelClientId asked, ClientRoutes.Found found) {
        StoredClient c = found.client();
        JsonNode traffic = found.traffic();
        long up = traffic == null ? 0 : StoredClient.number(traffic.get("up"));
        long down = traffic == null ? 0 : StoredClient.number(traffic.get("down"));
        long total = c.totalGB() != 0 || traffic == null ? c.totalGB() : StoredClient.number(traffic.get("total"));
        long expiry = c.expiryTime();
        PanelClientId id;
        try {
            id = new PanelClientId(asked.uuid(), c.email(), c.subId());
        } catch (IllegalArgumentException e) {
            id = asked; // the panel holds an empty or odd subId: report our identity
        }
        return new PanelClientState(id, expiry > 0 ? Instant.ofEpochMilli(expiry) : null, c.enabled(), up, down, total, c.flow());
    }

    private static void requireOurs(PanelSession s, StoredClient stored, PanelClientId client) {
        if (!stored.isOurs(client.uuid())) {
            throw new PanelException(PanelFault.DUPLICATE_EMAIL, "client " + client.email() + " on panel " + s.name()
                    + " has UUID " + stored.id() + ", not ours (" + client.uuid() + "): left alone");
        }
    }

    private static PanelException notFound(PanelSession s, PanelClientId client) {
        return new PanelException(PanelFault.CLIENT_NOT_FOUND, "panel " + s.name() + " has no client " + client.email());
    }
}
