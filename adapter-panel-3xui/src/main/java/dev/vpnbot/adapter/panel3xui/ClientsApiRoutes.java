package dev.vpnbot.adapter.panel3xui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelException.Kind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clients through {@code panel/api/clients/*} (v3.1+): JSON bodies, keyed by email, one
 * client per call. An update still replaces the stored client, so the full map is sent.
 */
final class ClientsApiRoutes implements ClientRoutes {
    private final PanelSession session;

    ClientsApiRoutes(PanelSession session) {
        this.session = session;
    }

    @Override
    public boolean batchesAdditions() {
        return false;
    }

    @Override
    public void add(int inboundId, List<ObjectNode> clients) {
        for (ObjectNode client : clients) {
            ObjectNode body = session.json().createObjectNode();
            body.set("client", client);
            body.putArray("inboundIds").add(inboundId);
            Envelope e = session.call(a -> a.addClientV3(body));
            if (e.success()) continue;
            if (PanelMessages.isDuplicateEmail(e)) throw new PanelException(Kind.DUPLICATE_EMAIL, e.shortMsg());
            if (e.says(PanelMessages.RECORD_NOT_FOUND) || e.says("at least one inbound")) {
                throw new PanelException(Kind.INBOUND_NOT_FOUND, "panel " + session.name() + " has no inbound " + inboundId);
            }
            throw new PanelException(Kind.REJECTED, "panel " + session.name() + " refused to add client "
                    + client.path("email").asText() + ": " + e.shortMsg());
        }
    }

    @Override
    public Optional<Found> find(int inboundId, String email) {
        Envelope e = session.call(a -> a.clientV3(email));
        if (!e.success()) {
            if (e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e)) return Optional.empty();
            throw new PanelException(Kind.REJECTED, "panel " + session.name() + " would not show client " + email + ": " + e.shortMsg());
        }
        JsonNode client = e.obj().path("client");
        if (!client.isObject()) return Optional.empty();
        Envelope traffic = session.call(a -> a.clientTrafficV3(email));
        return Optional.of(new Found(new StoredClient((ObjectNode) client),
                traffic.success() && traffic.obj().isObject() ? traffic.obj() : null));
    }

    @Override
    public Map<String, StoredClient> present(int inboundId, Collection<String> emails) {
        Map<String, StoredClient> found = new LinkedHashMap<>();
        for (String email : emails) find(inboundId, email).ifPresent(f -> found.put(email, f.client()));
        return found;
    }

    @Override
    public void update(int inboundId, StoredClient client) {
        Envelope e = session.call(a -> a.updateClientV3(client.email(), client.normalised()));
        if (e.success()) return;
        if (e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e)) {
            throw new PanelException(Kind.CLIENT_NOT_FOUND, "panel " + session.name() + " has no client " + client.email() + " any more");
        }
        if (PanelMessages.isDuplicateEmail(e)) throw new PanelException(Kind.DUPLICATE_EMAIL, e.shortMsg());
        throw new PanelException(Kind.REJECTED, "panel " + session.name() + " refused to update client " + client.email() + ": " + e.shortMsg());
    }

    @Override
    public void delete(int inboundId, StoredClient client) {
        Envelope e = session.call(a -> a.deleteClientV3(client.email()));
        if (e.success() || e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e)) return;
        throw new PanelException(Kind.REJECTED, "panel " + session.name() + " refused to delete client " + client.email() + ": " + e.shortMsg());
    }
}
