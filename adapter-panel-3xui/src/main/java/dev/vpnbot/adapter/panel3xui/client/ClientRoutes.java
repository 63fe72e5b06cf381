package dev.vpnbot.adapter.panel3xui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Client operations in the routes of one API generation. Refusals come out as
 * {@code PanelException}s of the right kind, so callers never read panel messages.
 */
interface ClientRoutes {

    /** A stored client and its traffic row (null when the panel has none). */
    record Found(StoredClient client, JsonNode traffic) {}

    static ClientRoutes of(ApiGeneration generation, PanelSession session) {
        return generation == ApiGeneration.CLIENTS_API ? new ClientsApiRoutes(session) : new LegacyClientRoutes(session);
    }

    /** Whether several new clients can go out in one call. */
    boolean batchesAdditions();

    /** Adds the clients to the inbound (DUPLICATE_EMAIL, INBOUND_NOT_FOUND or REJECTED when refused). */
    void add(int inboundId, List<ObjectNode> clients);

    /**
     * Whether the panel's own per-client route says that no client holds this email, at a cost
     * that does not grow with the inbound; false when one does or the answer is unclear.
     */
    boolean surelyAbsent(String email);

    /**
     * The client just added, read back through the per-client route (no whole-inbound read);
     * empty when that route cannot vouch that exactly this client is on the inbound.
     */
    Optional<StoredClient> added(int inboundId, ObjectNode sent);

    /** The v3.1+ client record of this email; always empty on older panels, which have none. */
    Optional<ClientPlacement.Record> record(String email);

    /** The client with this email as the panel stores it. */
    Optional<Found> find(int inboundId, String email);

    /** Replaces the stored client with this full map (CLIENT_NOT_FOUND when it is gone). */
    void update(int inboundId, StoredClient client);

    /** Removes the client; one that is already gone is fine. */
    void delete(int inboundId, StoredClient client);

    // --- at a cost that does not grow with the inbound (issue 15) ---------------------------------

    /**
     * Our client's full stored map through the per-client routes, when they can vouch that it is
     * ours, on this inbound alone and held once; empty when they cannot, and the caller reads the
     * whole inbound. Panels before v3.1 have no such route: a recent copy is used, checked against
     * the client's traffic row, or one whole-inbound read makes one.
     */
    Optional<StoredClient> current(int inboundId, String email, UUID ours);

    /** After an update: the client as the panel now holds it, read back per client; empty when unclear. */
    Optional<StoredClient> reread(int inboundId, StoredClient written, UUID ours);

    /**
     * Deletes our client through the per-client routes and their answers alone: true when they
     * show it gone; false when they cannot vouch for the client or the result (the caller then
     * looks at the whole inbound). Another client with our email is never touched.
     */
    boolean deleteOurs(int inboundId, String email, UUID ours);
}
