package dev.vpnbot.adapter.panel3xui.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelMessages;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Clients through {@code panel/api/inbounds/*} (v1.7 – v3.0): the body carries the inbound id
 * as a number and the clients as a JSON string {@code {"clients":[…]}}; update and delete are
 * keyed by the client's UUID.
 */
final class LegacyClientRoutes implements ClientRoutes {
    private final PanelSession session;

    LegacyClientRoutes(PanelSession session) {
        this.session = session;
    }

    @Override
    public boolean batchesAdditions() {
        return true;
    }

    @Override
    public void add(int inboundId, List<ObjectNode> clients) {
        Envelope e = session.call(a -> a.addClients(body(inboundId, clients)));
        if (e.success()) return;
        if (PanelMessages.isDuplicateEmail(e)) throw new PanelException(PanelFault.DUPLICATE_EMAIL, e.shortMsg());
        if (e.says(PanelMessages.RECORD_NOT_FOUND)) throw noInbound(inboundId);
        throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to add clients: " + e.shortMsg());
    }

    /**
     * {@code getClientTraffics/:email} is one row of client_traffics: obj null for an unknown email
     * (MHSanaei/3x-ui@v2.8.0:web/service/inbound.go#L1906-L1920), or "Inbound Not Found For Email"
     * on v2.8.1 – v3.0.
     */
    @Override
    public boolean surelyAbsent(String email) {
        Envelope e = session.call(a -> a.clientTraffic(email));
        return e.success() ? !e.obj().isObject() : e.says(PanelMessages.INBOUND_NOT_FOUND_FOR_EMAIL);
    }

    /**
     * The panel refuses an email any client already has (checkEmailsExistForClients,
     * @v2.8.0:web/service/inbound.go#L112-L130) and stores what it accepted verbatim, so a traffic
     * row on this inbound after a successful add is the client we sent.
     */
    @Override
    public Optional<StoredClient> added(int inboundId, ObjectNode sent) {
        Envelope e = session.call(a -> a.clientTraffic(sent.path("email").asText()));
        if (!e.success() || !e.obj().isObject() || e.obj().path("inboundId").asInt(-1) != inboundId) return Optional.empty();
        return Optional.of(StoredClient.asSent(sent));
    }

    @Override
    public Optional<ClientPlacement.Record> record(String email) {
        return Optional.empty();
    }

    /**
     * A recent copy the client's traffic row still agrees with (a scan of many keys reads the inbound
     * once a minute, not once a key), else the whole inbound.
     */
    @Override
    public Optional<Found> find(int inboundId, String email) {
        Optional<StoredClient> kept = session.copies().recent(inboundId, email);
        if (kept.isPresent() && kept.get().uuid().isPresent()) {
            JsonNode row = trafficRow(email);
            if (row != null && agrees(row, kept.get(), inboundId, kept.get().uuid().get())) return Optional.of(new Found(kept.get(), row));
            session.copies().forget(inboundId, email);
        }
        StoredInbound inbound = session.inbound(inboundId);
        return inbound.client(email).map(c -> new Found(c, inbound.traffic(email).orElseGet(() -> trafficByEmail(email))));
    }

    /** For panels whose inbound answer has no clientStats. */
    private JsonNode trafficByEmail(String email) {
        Envelope e = session.call(a -> a.clientTraffic(email));
        return e.success() && e.obj().isObject() ? e.obj() : null;
    }

    @Override
    public void update(int inboundId, StoredClient client) {
        Envelope e = session.call(a -> a.updateClient(client.id(), body(inboundId, List.of(client.normalised()))));
        if (e.success()) return;
        if (PanelMessages.isUnknownClient(e)) {
            throw new PanelException(PanelFault.CLIENT_NOT_FOUND, "panel " + session.name() + " has no client " + client.email() + " any more");
        }
        if (e.says(PanelMessages.RECORD_NOT_FOUND)) throw noInbound(inboundId);
        if (PanelMessages.isDuplicateEmail(e)) throw new PanelException(PanelFault.DUPLICATE_EMAIL, e.shortMsg());
        throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to update client " + client.email() + ": " + e.shortMsg());
    }

    @Override
    public void delete(int inboundId, StoredClient client) {
        Envelope e = session.call(a -> a.deleteClient(inboundId, client.id()));
        if (e.success() || PanelMessages.isUnknownClient(e)) return;
        if (e.says(PanelMessages.NO_CLIENT_REMAINED)) {
            removeByRewrite(inboundId, client);
            return;
        }
        if (e.says(PanelMessages.RECORD_NOT_FOUND)) {
            // no inbound, or a client without a traffic row: delClient reads the row with gorm's First and gives up
            // (MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L735-L741); the inbound rewritten without it works
            removeByRewrite(inboundId, client); // INBOUND_NOT_FOUND when there is no inbound
            return;
        }
        throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to delete client " + client.email() + ": " + e.shortMsg());
    }

    /** delClient will not empty an inbound, nor drop a client without a traffic row; rewriting the whole inbound will. */
    private void removeByRewrite(int inboundId, StoredClient client) {
        StoredInbound inbound = session.inbound(inboundId);
        List<StoredClient> remaining = inbound.clients().stream().filter(c -> !c.email().equalsIgnoreCase(client.email())).toList();
        ObjectNode body = inbound.withClients(remaining, session.json());
        Envelope e = session.call(a -> a.updateInbound(inboundId, body));
        if (!e.success()) {
            throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to remove client " + client.email() + " from inbound "
                    + inboundId + ": " + e.shortMsg());
        }
    }

    private ObjectNode body(int inboundId, List<ObjectNode> clients) {
        ObjectNode settings = session.json().createObjectNode();
        ArrayNode array = settings.putArray("clients");
        clients.forEach(array::add);
        ObjectNode body = session.json().createObjectNode();
        body.put("id", inboundId); // a number: a string id is rejected
        try {
            body.put("settings", session.json().writeValueAsString(settings)); // a string, not an object
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return body;
    }

    private PanelException noInbound(int inboundId) {
        return new PanelException(PanelFault.INBOUND_NOT_FOUND, "panel " + session.name() + " has no inbound " + inboundId);
    }

    // --- per client (issue 15) ------------------------------------------------------------------

    /**
     * A recent copy of the client ({@link dev.vpnbot.adapter.panel3xui.inbound.ClientCopies}) that its
     * traffic row still agrees with, or else the one read of the whole inbound that gives a fresh one.
     */
    @Override
    public Optional<StoredClient> current(int inboundId, String email, UUID ours) {
        Optional<StoredClient> kept = session.copies().recent(inboundId, email);
        if (kept.isPresent()) {
            JsonNode row = trafficRow(email);
            if (row != null && agrees(row, kept.get(), inboundId, ours)) return kept;
            session.copies().forget(inboundId, email);
        }
        StoredInbound inbound = session.inbound(inboundId); // remembers every client it shows
        List<StoredClient> copies = inbound.clients().stream().filter(c -> c.email().equalsIgnoreCase(email)).toList();
        return copies.size() == 1 && copies.get(0).isOurs(ours) ? Optional.of(copies.get(0)) : Optional.empty();
    }

    /**
     * The update is one transaction that writes the client into settings and the same values into its
     * traffic row (MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L855-L884); the row read back must
     * show what was sent. Its {@code enable} follows the client only from v2.8.1
     * (@v2.8.0:web/service/inbound.go UpdateClientStat writes true), so it is compared only on rows
     * that carry the client's {@code uuid} (v2.8.3+: @v2.8.11:web/service/inbound.go#L2027-L2041).
     */
    @Override
    public Optional<StoredClient> reread(int inboundId, StoredClient written, UUID ours) {
        JsonNode row = trafficRow(written.email());
        if (row == null || !agrees(row, written, inboundId, ours)) {
            session.copies().forget(inboundId, written.email());
            return Optional.empty();
        }
        StoredClient held = StoredClient.asSent(written.normalised()); // stored as sent (@v2.8.11:…/inbound.go#L855)
        session.copies().remember(inboundId, held);
        return Optional.of(held);
    }

    /**
     * {@code :id/delClient/:clientId} drops every client of this inbound with our UUID and the email's
     * traffic row (MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L679-L765); the row is read before
     * (it names the inbound and, from v2.8.3, the UUID of the client holding the email) and after.
     */
    @Override
    public boolean deleteOurs(int inboundId, String email, UUID ours) {
        JsonNode before = trafficRow(email);
        if (before == null || before.path("inboundId").asInt(-1) != inboundId) return false;
        String holder = before.path("uuid").asText("");
        if (!holder.isEmpty() && !holder.equalsIgnoreCase(ours.toString())) return false;
        Envelope e = session.call(a -> a.deleteClient(inboundId, ours.toString()));
        if (!e.success()) return false; // unknown UUID (v2.9.4+), the last client, or no traffic row: looked at whole
        session.copies().forget(inboundId, email);
        return trafficRow(email) == null;
    }

    /** The email's traffic row, or null when the panel has none (obj null, or "Inbound Not Found For Email"). */
    private JsonNode trafficRow(String email) {
        Envelope e = session.call(a -> a.clientTraffic(email));
        if (e.success()) return e.obj().isObject() ? e.obj() : null;
        if (PanelMessages.isUnknownClient(e)) return null;
        throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " would not show the traffic of " + email + ": "
                + e.shortMsg());
    }

    /**
     * Whether the traffic row still describes this copy of our client on this inbound; its switch is
     * compared only where the row carries the client's own (see {@link #reread}).
     */
    private static boolean agrees(JsonNode row, StoredClient c, int inboundId, UUID ours) {
        String uuid = row.path("uuid").asText("");
        String subId = row.path("subId").asText("");
        return row.path("inboundId").asInt(-1) == inboundId
                && row.path("email").asText("").equals(c.email())
                && StoredClient.number(row.get("expiryTime")) == c.expiryTime()
                && StoredClient.number(row.get("total")) == c.totalGB()
                && StoredClient.number(row.get("reset")) == c.reset()
                && c.isOurs(ours)
                && (uuid.isEmpty() || uuid.equalsIgnoreCase(ours.toString()) && row.path("enable").asBoolean(!c.enabled()) == c.enabled())
                && (subId.isEmpty() || subId.equals(c.subId()));
    }
}
