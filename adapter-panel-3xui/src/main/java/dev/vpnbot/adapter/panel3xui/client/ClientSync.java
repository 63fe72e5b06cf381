package dev.vpnbot.adapter.panel3xui.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.adapter.panel3xui.session.WriteQueue;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes to one panel's clients, always run on that panel's writer (and under its
 * cross-instance lock). Every change starts by reading where the client is now, so a retried
 * creation adopts what an earlier attempt left instead of adding a second copy, extra copies
 * are collapsed into one, and nothing is written when the panel's answer cannot be trusted.
 */
final class ClientSync {
    private static final Logger log = LoggerFactory.getLogger(ClientSync.class);

    /** A client as the panel holds it after a sync, and what had to change. */
    record Synced(StoredClient client, Set<Fix> fixes) {}

    private final PanelSession session;
    private final ClientRoutes routes;
    private final int inboundId;

    ClientSync(PanelSession session, ClientRoutes routes, int inboundId) {
        this.session = session;
        this.routes = routes;
        this.inboundId = inboundId;
    }

    /**
     * Brings each wanted client (full maps, as a new client would be sent) onto the inbound,
     * exactly once and exactly as wanted. New clients go out together where the generation
     * allows it; the rest are repaired one by one.
     */
    void syncAll(List<WriteQueue.Pending<ObjectNode>> batch) {
        List<WriteQueue.Pending<ObjectNode>> rest = addNewByClientRoutes(batch);
        if (!rest.isEmpty()) syncFromInbound(rest);
    }

    /**
     * The usual case, at a cost that does not grow with the inbound on our side: the per-client
     * route says the email is free, the client is added and read back through that route. What
     * that cannot settle (a client already there, a refusal, an unclear answer) is returned for
     * the whole-inbound path below, which adopts, repairs and explains.
     */
    private List<WriteQueue.Pending<ObjectNode>> addNewByClientRoutes(List<WriteQueue.Pending<ObjectNode>> batch) {
        List<WriteQueue.Pending<ObjectNode>> rest = new ArrayList<>();
        List<WriteQueue.Pending<ObjectNode>> fresh = new ArrayList<>();
        for (WriteQueue.Pending<ObjectNode> p : batch) {
            try {
                (routes.surelyAbsent(email(p.item)) ? fresh : rest).add(p);
            } catch (PanelException e) {
                p.failed(e);
            }
        }
        if (fresh.isEmpty()) return rest;
        List<List<WriteQueue.Pending<ObjectNode>>> calls = routes.batchesAdditions() ? List.of(fresh) : fresh.stream().map(List::of).toList();
        for (List<WriteQueue.Pending<ObjectNode>> call : calls) {
            try {
                routes.add(inboundId, call.stream().map(p -> p.item).toList());
            } catch (PanelException e) {
                if (e.kind().isTransient() || e.kind() == PanelFault.INBOUND_NOT_FOUND) call.forEach(p -> p.failed(e));
                else rest.addAll(call); // e.g. an email taken under another spelling: the careful path says so
                continue;
            }
            for (WriteQueue.Pending<ObjectNode> p : call) {
                try {
                    Optional<StoredClient> stored = routes.added(inboundId, p.item);
                    if (stored.isPresent()) p.done(new Synced(stored.get(), EnumSet.of(Fix.CREATED)));
                    else rest.add(p); // not where it should be: looked at in the whole inbound
                } catch (PanelException e) {
                    p.failed(e);
                }
            }
        }
        return rest;
    }

    /** The careful path: one read of the whole inbound for the lot, then adopt, repair or add each. */
    private void syncFromInbound(List<WriteQueue.Pending<ObjectNode>> batch) {
        List<WriteQueue.Pending<ObjectNode>> missing = new ArrayList<>();
        StoredInbound before;
        try {
            before = session.inbound(inboundId); // one read for the lot: each repair below touches only its own client
        } catch (PanelException e) {
            batch.forEach(p -> p.failed(e));
            return;
        }
        for (WriteQueue.Pending<ObjectNode> p : batch) {
            try {
                ClientPlacement where = ClientPlacement.in(before, email(p.item), routes.record(email(p.item)));
                where.requireOurs(session.name(), email(p.item), uuid(p.item));
                if (where.absent()) {
                    missing.add(p);
                } else {
                    p.done(repair(p.item, where));
                }
            } catch (PanelException e) {
                p.failed(e);
            }
        }
        if (missing.size() > 1 && routes.batchesAdditions()) addTogether(missing);
        for (WriteQueue.Pending<ObjectNode> p : missing) {
            if (!p.open()) continue;
            try {
                p.done(addOne(p.item));
            } catch (PanelException e) {
                p.failed(e);
            }
        }
    }

    /**
     * Read-modify-write of the stored client (the panel replaces a client, it does not merge),
     * checked by reading it back; extra copies are removed on the way.
     */
    void change(String email, UUID ours, String what, UnaryOperator<StoredClient> edit,
                java.util.function.Predicate<StoredClient> done) {
        if (changeByClientRoutes(email, ours, what, edit, done)) return;
        for (int attempt = 1; ; attempt++) {
            ClientPlacement where = locate(email);
            where.requireOurs(session.name(), email, ours);
            if (where.copies().isEmpty()) {
                throw new PanelException(PanelFault.CLIENT_NOT_FOUND, "panel " + session.name() + " has no client " + email);
            }
            write(where, edit.apply(where.copies().get(0)));
            ClientPlacement after = locate(email);
            if (after.copies().size() == 1 && done.test(after.copies().get(0))) {
                log.info("panel {}: {} client {}", session.name(), what, email);
                return;
            }
            if (attempt == 2) {
                throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " did not keep the change when asked to "
                        + what + " client " + email);
            }
            // someone else rewrote the inbound at the same moment (panels before v3.1 do not lock): again
            log.warn("panel {}: change to client {} was lost, repeating it", session.name(), email);
        }
    }

    /**
     * The usual change, at a cost that does not grow with the inbound on our side: the client read
     * through its own route (or a checked recent copy), changed whole, and read back the same way.
     * False, with nothing or only our own client changed, when those routes cannot vouch for the
     * client or the result: the careful path below then looks at the whole inbound and explains.
     */
    private boolean changeByClientRoutes(String email, UUID ours, String what, UnaryOperator<StoredClient> edit,
                                         java.util.function.Predicate<StoredClient> done) {
        try {
            Optional<StoredClient> now = routes.current(inboundId, email, ours);
            if (now.isEmpty()) return false;
            StoredClient wanted = edit.apply(now.get());
            routes.update(inboundId, wanted);
            Optional<StoredClient> after = routes.reread(inboundId, wanted, ours);
            if (after.isPresent() && done.test(after.get())) {
                log.info("panel {}: {} client {}", session.name(), what, email);
                return true;
            }
            log.info("panel {}: the change to client {} is not confirmed by its own routes; looking at the whole inbound",
                    session.name(), email);
        } catch (PanelException e) {
            if (e.kind().isTransient() || e.kind() == PanelFault.INBOUND_NOT_FOUND) throw e;
            log.info("panel {}: changing client {} by its own routes was refused ({}); looking at the whole inbound",
                    session.name(), email, e.getMessage());
        }
        return false;
    }

    /** Removes every copy of the client; one that is already gone is fine. */
    void delete(String email, UUID ours) {
        try {
            if (routes.deleteOurs(inboundId, email, ours)) {
                log.info("panel {}: deleted client {}", session.name(), email);
                return;
            }
        } catch (PanelException e) {
            if (e.kind().isTransient() || e.kind() == PanelFault.INBOUND_NOT_FOUND) throw e;
            log.info("panel {}: deleting client {} by its own routes was unclear ({}); looking at the whole inbound",
                    session.name(), email, e.getMessage());
        }
        ClientPlacement where = locate(email);
        where.requireOurs(session.name(), email, ours);
        if (where.copies().isEmpty()) return;
        routes.delete(inboundId, where.copies().get(0));
        ClientPlacement after = locate(email);
        if (!after.copies().isEmpty()) rewrite(after, null); // copies the delete route left behind
        log.info("panel {}: deleted client {}", session.name(), email);
    }

    // --- steps ----------------------------------------------------------------------------------

    private Synced repair(ObjectNode wanted, ClientPlacement where) {
        if (where.copies().isEmpty()) {
            throw new PanelException(PanelFault.REJECTED, "client " + email(wanted) + " on panel " + session.name()
                    + " has a record but is in no inbound: left alone for an admin to sort out");
        }
        StoredClient kept = where.copies().get(0);
        Set<Fix> fixes = EnumSet.noneOf(Fix.class);
        StoredClient fixed = kept;
        if (!kept.enabled()) fixes.add(Fix.ENABLED);
        if (kept.expiryTime() != wanted.path("expiryTime").asLong()) fixes.add(Fix.EXPIRY);
        if (!kept.flow().equals(wanted.path("flow").asText())) fixes.add(Fix.FLOW);
        if (!kept.subId().equals(wanted.path("subId").asText())) fixes.add(Fix.SUB_ID);
        if (where.copies().size() > 1) fixes.add(Fix.DUPLICATES_REMOVED);
        if (fixes.isEmpty()) return new Synced(kept, fixes);

        fixed = fixed.withEnabled(true).withExpiry(wanted.path("expiryTime").asLong())
                .withFlow(wanted.path("flow").asText()).withSubId(wanted.path("subId").asText());
        write(where, fixed);
        StoredClient after = single(email(wanted), uuid(wanted));
        if (after.expiryTime() != fixed.expiryTime() || !after.enabled()) {
            throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " did not keep the repair of client " + email(wanted));
        }
        log.warn("panel {}: client {} differed from the database ({}); repaired", session.name(), email(wanted), fixes);
        return new Synced(after, fixes);
    }

    /** One client replaces every copy: through the client route when there is one copy, else the whole inbound. */
    private void write(ClientPlacement where, StoredClient client) {
        if (where.copies().size() > 1) {
            log.warn("panel {}: inbound {} holds {} copies of client {}; keeping one", session.name(), inboundId,
                    where.copies().size(), client.email());
            rewrite(where, client);
        } else {
            routes.update(inboundId, client);
        }
    }

    /** The inbound rewritten with the client's copies replaced by {@code keep} (or dropped when null). */
    private void rewrite(ClientPlacement where, StoredClient keep) {
        StoredInbound inbound = session.inbound(inboundId); // fresh: we hold the panel's writer
        List<StoredClient> clients = new ArrayList<>();
        boolean placed = false;
        String email = where.copies().get(0).email();
        for (StoredClient c : inbound.clients()) {
            if (!c.email().equalsIgnoreCase(email)) {
                clients.add(c);
            } else if (keep != null && !placed) {
                clients.add(keep);
                placed = true;
            }
        }
        Envelope e = session.call(a -> a.updateInbound(inboundId, inbound.withClients(clients, session.json())));
        if (!e.success()) {
            throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " refused to rewrite inbound " + inboundId
                    + " without the extra copies of " + email + ": " + e.shortMsg());
        }
    }

    private void addTogether(List<WriteQueue.Pending<ObjectNode>> missing) {
        try {
            routes.add(inboundId, missing.stream().map(p -> p.item).toList());
        } catch (PanelException e) {
            if (e.kind().isTransient() || e.kind() == PanelFault.INBOUND_NOT_FOUND) {
                missing.forEach(p -> p.failed(e));
                return;
            }
            // usually one email taken elsewhere: the rest must still land, one by one
            log.info("panel {}: batch of {} new clients refused ({}); adding them one by one", session.name(), missing.size(), e.getMessage());
            return;
        }
        StoredInbound after = session.inbound(inboundId);
        for (WriteQueue.Pending<ObjectNode> p : missing) {
            ClientPlacement where = ClientPlacement.in(after, email(p.item), Optional.empty()); // batches: legacy panels only
            if (where.copies().size() == 1 && where.copies().get(0).isOurs(uuid(p.item))) {
                p.done(new Synced(where.copies().get(0), EnumSet.of(Fix.CREATED)));
            }
        }
    }

    private Synced addOne(ObjectNode wanted) {
        String email = email(wanted);
        for (int attempt = 1; ; attempt++) {
            try {
                routes.add(inboundId, List.of(wanted));
            } catch (PanelException e) {
                if (e.kind() != PanelFault.DUPLICATE_EMAIL) throw e;
                throw new PanelException(PanelFault.DUPLICATE_EMAIL, "email " + email + " is already used on panel " + session.name()
                        + " by a client outside inbound " + inboundId + " (" + e.getMessage() + "): left alone");
            }
            ClientPlacement after = locate(email);
            if (!after.copies().isEmpty()) {
                after.requireOurs(session.name(), email, uuid(wanted));
                // a panel that answered "added" twice for one client (v3.0–v3.4 append again) is collapsed here
                Synced synced = after.copies().size() > 1 ? repair(wanted, after) : new Synced(after.copies().get(0), Set.of());
                Set<Fix> fixes = EnumSet.of(Fix.CREATED);
                fixes.addAll(synced.fixes());
                return new Synced(synced.client(), fixes);
            }
            if (attempt == 2) {
                throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " reported client " + email
                        + " as added but does not have it");
            }
            log.warn("panel {}: new client {} was lost, adding it again", session.name(), email);
        }
    }

    private StoredClient single(String email, UUID ours) {
        ClientPlacement where = locate(email);
        where.requireOurs(session.name(), email, ours);
        if (where.copies().size() != 1) {
            throw new PanelException(PanelFault.REJECTED, "panel " + session.name() + " holds " + where.copies().size()
                    + " copies of client " + email + " after a repair");
        }
        return where.copies().get(0);
    }

    private ClientPlacement locate(String email) {
        return ClientPlacement.in(session.inbound(inboundId), email, routes.record(email));
    }

    private static String email(ObjectNode client) {
        return client.path("email").asText();
    }

    private static UUID uuid(ObjectNode client) {
        return UUID.fromString(client.path("id").asText());
    }
}
