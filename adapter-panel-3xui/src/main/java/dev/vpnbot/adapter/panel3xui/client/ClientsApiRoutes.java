package dev.vpnbot.adapter.panel3xui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelMessages;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
            if (PanelMessages.isDuplicateEmail(e)) throw new PanelException(PanelFault.DUPLICATE_EMAIL, e.shortMsg());
            if (e.says(PanelMessages.RECORD_NOT_FOUND) || e.says("at least one inbound")) {
                throw new PanelException(PanelFault.INBOUND_NOT_FOUND, "panel " + session.name() + " has no inbound " + inboundId);
            }
            throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to add client "
                    + client.path("email").asText() + ": " + e.shortMsg());
        }
    }

    /** {@code GET clients/get/:email} is one row lookup (MHSanaei/3x-ui@v3.1.0:web/service/client.go#L290-L300). */
    @Override
    public boolean surelyAbsent(String email) {
        Envelope e = session.call(a -> a.clientV3(email));
        return !e.success() && (e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e));
    }

    @Override
    public Optional<StoredClient> added(int inboundId, ObjectNode sent) {
        String uuid = sent.path("id").asText();
        return recordObj(sent.path("email").asText())
                .filter(obj -> obj.path("client").path("uuid").asText("").equalsIgnoreCase(uuid))
                .filter(obj -> obj.path("inboundIds").size() == 1 && obj.path("inboundIds").path(0).asInt() == inboundId)
                .map(obj -> StoredClient.fromRecord((ObjectNode) obj.path("client")));
    }

    @Override
    public Optional<ClientPlacement.Record> record(String email) {
        return recordObj(email).map(obj -> {
            List<Integer> inbounds = new ArrayList<>();
            obj.path("inboundIds").forEach(id -> inbounds.add(id.asInt()));
            return new ClientPlacement.Record(obj.path("client").path("uuid").asText(""), inbounds);
        });
    }

    @Override
    public Optional<Found> find(int inboundId, String email) {
        Optional<JsonNode> obj = recordObj(email);
        if (obj.isEmpty()) return Optional.empty();
        Envelope traffic = session.call(a -> a.clientTrafficV3(email));
        return Optional.of(new Found(StoredClient.fromRecord((ObjectNode) obj.get().path("client")),
                traffic.success() && traffic.obj().isObject() ? traffic.obj() : null));
    }

    /**
     * {@code obj} of {@code GET clients/get/:email}: {@code {"client": ClientRecord, "inboundIds": [...]}}
     * (MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L79-L92); an unknown email is gorm's
     * "record not found" inside the usual error envelope (@v3.1.0:web/service/client.go#L290-L300).
     */
    private Optional<JsonNode> recordObj(String email) {
        Envelope e = session.call(a -> a.clientV3(email));
        if (!e.success()) {
            if (e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e)) return Optional.empty();
            throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " would not show client " + email + ": " + e.shortMsg());
        }
        return e.obj().path("client").isObject() ? Optional.of(e.obj()) : Optional.empty();
    }

    @Override
    public void update(int inboundId, StoredClient client) {
        Envelope e = session.call(a -> a.updateClientV3(client.email(), client.normalised()));
        if (e.success()) return;
        if (e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e)) {
            throw new PanelException(PanelFault.CLIENT_NOT_FOUND, "panel " + session.name() + " has no client " + client.email() + " any more");
        }
        if (PanelMessages.isDuplicateEmail(e)) throw new PanelException(PanelFault.DUPLICATE_EMAIL, e.shortMsg());
        throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to update client " + client.email() + ": " + e.shortMsg());
    }

    @Override
    public void delete(int inboundId, StoredClient client) {
        Envelope e = session.call(a -> a.deleteClientV3(client.email()));
        if (e.success() || e.says(PanelMessages.RECORD_NOT_FOUND) || PanelMessages.isUnknownClient(e)) return;
        throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to delete client " + client.email() + ": " + e.shortMsg());
    }

    /**
     * {@code GET clients/get/:email}: the record (every column, no omitempty) and its inbounds, one
     * row lookup each (MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L79-L92; service/client.go#L290-L300,
     * #L326-L336). The update route rebuilds the client from what it is sent and writes it into every
     * inbound the record is attached to (@v3.1.0:web/service/client.go#L553-L612), so only a record
     * attached to this inbound alone, with our UUID, is changed this way.
     */
    @Override
    public Optional<StoredClient> current(int inboundId, String email, UUID ours) {
        return recordObj(email)
                .filter(obj -> obj.path("client").path("uuid").asText("").equalsIgnoreCase(ours.toString()))
                .filter(obj -> obj.path("inboundIds").size() == 1 && obj.path("inboundIds").path(0).asInt() == inboundId)
                .map(obj -> StoredClient.fromRecord((ObjectNode) obj.path("client")));
    }

    @Override
    public Optional<StoredClient> reread(int inboundId, StoredClient written, UUID ours) {
        return current(inboundId, written.email(), ours);
    }

    /**
     * {@code POST clients/del/:email} removes the client from every inbound it is attached to and its
     * record (@v3.1.0:web/service/client.go#L614-L661, #L751-L760), so only a record of ours attached
     * to this inbound alone is deleted this way; a second look at the record shows it gone.
     */
    @Override
    public boolean deleteOurs(int inboundId, String email, UUID ours) {
        if (current(inboundId, email, ours).isEmpty()) return false;
        Envelope e = session.call(a -> a.deleteClientV3(email));
        if (!e.success()) return false;
        return recordObj(email).isEmpty();
    }
}
