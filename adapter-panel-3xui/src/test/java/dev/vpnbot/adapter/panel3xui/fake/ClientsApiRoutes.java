package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Inbound;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Record;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Traffic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * /panel/api/clients/* of v3.1+, keyed by email (MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L32-L54,
 * v3.6.0:internal/web/controller/client.go#L48-L83). Client edits hold the per-inbound lock
 * (v3.1.0:web/service/client.go#L96), so race mode does not apply here.
 *
 * <p>Service errors come from common.NewError (fmt.Sprintln: a trailing newline) or gorm
 * ("record not found"); the controller wraps them as "&lt;toast&gt; (&lt;error&gt;)".
 * Record lookups are {@code WHERE email = ?}: case-sensitive on SQLite.
 */
final class ClientsApiRoutes {

    private static final String WRONG = "somethingWentWrong";
    private final FakeThreeXuiPanel panel;
    private final PanelStore store;

    ClientsApiRoutes(FakeThreeXuiPanel panel, PanelStore store) {
        this.panel = panel;
        this.store = store;
    }

    boolean handle(Exchange r, String[] seg) throws IOException {
        if (!seg[0].equals("clients") || seg.length < 2 || !panel.profile().hasClientsApi()) return false;
        String op = seg[1];
        if (seg.length == 2 && op.equals("list") && r.is("GET")) list(r);
        else if (seg.length == 3 && op.equals("get") && r.is("GET")) get(r, seg[2]);
        else if (seg.length == 3 && op.equals("traffic") && r.is("GET")) traffic(r, seg[2]);
        else if (seg.length == 3 && op.equals("resetTraffic") && r.is("POST")) ClientTrafficReset.reset(panel, store, r, seg[2]);
        else if (seg.length == 2 && op.equals("add") && r.is("POST")) add(r);
        else if (seg.length == 3 && op.equals("update") && r.is("POST")) update(r, seg[2]);
        else if (seg.length == 3 && op.equals("del") && r.is("POST")) delete(r, seg[2]);
        else if (seg.length == 2 && op.equals("onlines") && r.is("POST")) r.ok("", NODES.arrayNode());
        else if (seg.length == 2 && op.equals("lastOnline") && r.is("POST")) r.ok("", NODES.objectNode());
        else return false;
        return true;
    }

    // MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L56-L63; ClientWithAttachments (service/client.go#L25-L62):
    // the record's keys, then inboundIds and traffic (omitempty)
    private void list(Exchange r) throws IOException {
        ArrayNode all = NODES.arrayNode();
        synchronized (store.lock) {
            for (Record rec : store.records.values()) {
                ObjectNode row = rec.toJson(panel.profile());
                ArrayNode ids = row.putArray("inboundIds");
                store.inboundIdsOf(rec.email).forEach(ids::add);
                Traffic t = store.traffics.get(rec.email.toLowerCase(Locale.ROOT));
                if (t != null) row.set("traffic", t.toJson(store.clientByEmail(rec.email)));
                all.add(row);
            }
        }
        r.ok("", all);
    }

    // MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L79-L92: toast I18nWeb("get") has no entry in en-US.json,
    // so the localizer gives "" and an unknown email answers " (record not found)".
    // MHSanaei/3x-ui@v3.6.0:internal/web/controller/client.go#L109-L145: toast "Obtain"; adds externalLinks and
    // usedTraffic, and overwrites client.flow with the effective flow.
    private void get(Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        synchronized (store.lock) {
            Record rec = record(email);
            if (rec == null) {
                r.fail(p.failure(p == Profile.V3_6 ? "Obtain" : "", "record not found"));
                return;
            }
            ObjectNode client = rec.toJson(p);
            ObjectNode obj = NODES.objectNode();
            obj.set("client", client);
            ArrayNode ids = obj.putArray("inboundIds");
            store.inboundIdsOf(rec.email).forEach(ids::add);
            if (p == Profile.V3_6) {
                ObjectNode first = store.clientByEmail(rec.email);
                if (first != null) client.put("flow", first.path("flow").asText("")); // EffectiveFlow
                obj.putArray("externalLinks");
                Traffic t = store.traffics.get(rec.email.toLowerCase(Locale.ROOT));
                obj.put("usedTraffic", t == null ? 0 : t.up + t.down);
            }
            r.ok("", obj);
        }
    }

    // MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L307-L315 → InboundService.GetClientTrafficByEmail
    // (v3.1.0:web/service/inbound.go: "Inbound Not Found For Email:"); v3.6.0:internal/web/service/inbound_traffic.go#L1052-L1062:
    // no row → success with obj null
    private void traffic(Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        synchronized (store.lock) {
            Traffic t = store.traffics.get(email.toLowerCase(Locale.ROOT));
            if (t == null || !t.email.equals(email)) {
                if (p == Profile.V3_6) r.ok("", null);
                else r.fail(p.failed("pages.inbounds.toasts.trafficGetError", "Inbound Not Found For Email: " + email + "\n"));
                return;
            }
            r.ok("", t.toJson(store.clientByEmail(email)));
        }
    }

    // MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L94-L110 (ShouldBindJSON(ClientCreatePayload)),
    // service/client.go#L393-L454 (Create), #L1419-L1577 (AddInboundClient + SyncInbound);
    // v3.6.0:internal/web/service/client_crud.go#L44-L141, client_inbound_apply.go#L327-L358
    private void add(Exchange r) throws IOException {
        Profile p = panel.profile();
        JsonNode body = r.body();
        String bindError = bindError(r, body, "client.");
        if (bindError == null && body.has("inboundIds") && !body.get("inboundIds").isArray() && !body.get("inboundIds").isNull()) {
            bindError = "json: cannot unmarshal " + (body.get("inboundIds").isTextual() ? "string" : "number")
                    + " into Go struct field ClientCreatePayload.inboundIds of type []int";
        }
        if (bindError != null) {
            r.fail(p.failed(WRONG, bindError));
            return;
        }
        ObjectNode client = body.path("client").isObject() ? ((ObjectNode) body.get("client")).deepCopy() : NODES.objectNode();
        String email = client.path("email").asText("");
        List<Integer> inboundIds = new ArrayList<>();
        body.path("inboundIds").forEach(n -> inboundIds.add(n.asInt()));
        String failure;
        synchronized (store.lock) {
            failure = create(p, client, email, inboundIds);
        }
        if (failure != null) r.fail(p.failed(WRONG, failure));
        else r.ok(p.toast("pages.inbounds.toasts.inboundClientAddSuccess"), null);
    }

    /** Service.Create; returns the Go error text or null. */
    private String create(Profile p, ObjectNode client, String email, List<Integer> inboundIds) {
        if (email.isBlank()) return "client email is required\n";
        if (inboundIds.isEmpty()) return "at least one inbound is required\n";
        if (client.path("subId").asText("").isEmpty()) client.put("subId", UUID.randomUUID().toString());
        client.put("enable", true); // if !client.Enable { client.Enable = true }
        long now = store.now();
        if (client.path("created_at").asLong(0) == 0) client.put("created_at", now);
        client.put("updated_at", now);
        String subId = client.path("subId").asText();
        Record existing = record(email);
        if (existing != null) {
            String storedSub = existing.fields.path("subId").asText("");
            if (storedSub.isEmpty() || !storedSub.equals(subId)) return "email already in use: " + email + "\n";
            if (p.reusesStoredIdentity()) { // v3.6.0:internal/web/service/client_crud.go#L85-L98
                for (String[] pair : new String[][] {{"id", "id"}, {"password", "password"}, {"auth", "auth"}}) {
                    if (client.path(pair[0]).asText("").isEmpty() && !existing.fields.path(pair[1]).asText("").isEmpty()) {
                        client.put(pair[0], existing.fields.path(pair[1]).asText());
                    }
                }
            }
        }
        if (p.checksSubIdOwner()) { // v3.2.5+; v3.6.0:internal/web/service/client_crud.go#L101-L111
            for (Record other : store.records.values()) {
                if (!other.email.equals(email) && other.fields.path("subId").asText("").equals(subId)) {
                    return "subId already in use: " + subId + "\n";
                }
            }
        }
        for (int inboundId : inboundIds) {
            Inbound in = store.inbounds.get(inboundId);
            if (in == null) return "record not found";
            String key = InboundSetup.protocolKey(in.protocol);
            if (key.equals("id") && client.path("id").asText("").isEmpty()) client.put("id", UUID.randomUUID().toString()); // fillProtocolDefaults
            String failure = appendToInbound(p, in, modelClient(client, p));
            if (failure != null) return failure;
        }
        return null;
    }

    /** AddInboundClient for one inbound: its own transaction, so an error leaves earlier inbounds changed. */
    private String appendToInbound(Profile p, Inbound in, ObjectNode client) {
        String email = client.path("email").asText("");
        if (store.refusedEmail(List.of(client), null) != null) return "Duplicate email: " + email + "\n";
        boolean alreadyHere = in.clients().stream().anyMatch(c -> c.path("email").asText("").equalsIgnoreCase(email));
        if (alreadyHere && p.skipsClientAlreadyOnInbound()) return null; // v3.5.0+: skipped, success
        if (alreadyHere && p.failsDuplicateLink()) {
            // SyncInbound (v3.1.0:web/service/client.go#L188-L251) links each settings copy; the second copy hits the
            // client_inbounds primary key and the whole transaction rolls back (deduplicated from v3.3.0)
            return "UNIQUE constraint failed: client_inbounds.client_id, client_inbounds.inbound_id";
        }
        String key = InboundSetup.protocolKey(in.protocol);
        if (client.path(key).asText("").isEmpty()) return "empty client ID\n";
        in.clientArray().add(client); // appended, even next to a copy with the same email (v3.3 – v3.4)
        in.rewriteSettings();
        store.upsertTraffic(in.id, client);
        store.syncRecords(in);
        return null;
    }

    // MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L112-L129 (ShouldBindJSON(model.Client)),
    // service/client.go#L553-L612 (Update), #L762-L771 (UpdateByEmail); v3.6.0:internal/web/service/client_crud.go#L311-L360
    private void update(Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        JsonNode body = r.body();
        String bindError = bindError(r, body, "");
        if (bindError != null) {
            r.fail(p.failed(WRONG, bindError)); // e.g. a ClientRecord sent back: its int id does not fit Client.id (string)
            return;
        }
        ObjectNode updated = ((ObjectNode) body).deepCopy();
        String failure;
        synchronized (store.lock) {
            failure = replace(p, email, updated);
        }
        if (failure != null) r.fail(p.failed(WRONG, failure));
        else r.ok(p.toast("pages.inbounds.toasts.inboundClientUpdateSuccess"), null);
    }

    private String replace(Profile p, String email, ObjectNode updated) {
        Record existing = record(email);
        if (existing == null) return "record not found";
        String newEmail = updated.path("email").asText("");
        if (newEmail.isBlank()) return "client email is required\n";
        if (updated.path("subId").asText("").isEmpty()) updated.put("subId", existing.fields.path("subId").asText(UUID.randomUUID().toString()));
        if (updated.path("created_at").asLong(0) == 0) updated.put("created_at", existing.createdAt);
        updated.put("updated_at", store.now());
        String oldUuid = existing.fields.path("id").asText("");
        if (updated.path("id").asText("").isEmpty()) {
            // v3.6 keeps the stored UUID; v3.1 lets fillProtocolDefaults mint a new one
            updated.put("id", p.reusesStoredIdentity() ? oldUuid : UUID.randomUUID().toString());
        }
        if (!newEmail.equals(existing.email) && store.refusedEmail(List.of(updated), existing.email.toLowerCase(Locale.ROOT)) != null) {
            return "Duplicate email: " + newEmail + "\n";
        }
        ObjectNode stored = modelClient(updated, p);
        for (int inboundId : store.inboundIdsOf(existing.email)) {
            Inbound in = store.inbounds.get(inboundId);
            ArrayNode clients = in.clientArray();
            for (int i = 0; i < clients.size(); i++) { // the FIRST matching copy is replaced whole; a second copy stays stale
                if (clients.get(i).path("email").asText("").equalsIgnoreCase(existing.email)) {
                    clients.set(i, stored.deepCopy());
                    break;
                }
            }
            in.rewriteSettings();
        }
        Traffic t = store.traffics.remove(existing.email.toLowerCase(Locale.ROOT));
        if (t != null) store.traffics.put(newEmail.toLowerCase(Locale.ROOT), t);
        if (t != null) store.upsertTraffic(t.inboundId, stored);
        if (!newEmail.equals(existing.email)) {
            store.records.remove(existing.email.toLowerCase(Locale.ROOT));
            existing.email = newEmail;
            store.records.put(newEmail.toLowerCase(Locale.ROOT), existing);
        }
        store.inbounds.values().forEach(store::syncRecords);
        existing.updatedAt = stored.path("updated_at").asLong();
        return null;
    }

    // MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L131-L144, service/client.go#L614-L661, #L751-L760
    private void delete(Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        boolean keepTraffic = "1".equals(r.query("keepTraffic"));
        synchronized (store.lock) {
            Record existing = record(email);
            if (existing == null) {
                // v3.6.0:internal/web/service/client_crud.go#L699-L716: without a record the inbounds are searched for
                // the email; none holds it → this error (v3.1.0:web/service/client.go#L751-L760: gorm's own)
                r.fail(p.failed(WRONG, p == Profile.V3_6 ? "client \"" + email + "\" not found in any inbound or client record"
                        : "record not found"));
                return;
            }
            for (Inbound in : store.inbounds.values()) {
                ArrayNode clients = in.clientArray();
                int before = clients.size();
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i).path("email").asText("").equalsIgnoreCase(existing.email)) clients.remove(i--);
                }
                if (clients.size() != before) in.rewriteSettings(); // v3.1.0:web/service/client.go#L1993 on each inbound it left
            }
            if (!keepTraffic) store.traffics.remove(existing.email.toLowerCase(Locale.ROOT));
            store.records.remove(existing.email.toLowerCase(Locale.ROOT));
        }
        r.ok(p.toast("pages.inbounds.toasts.inboundClientDeleteSuccess"), null);
    }

    /** WHERE email = ? — exact match. */
    private Record record(String email) {
        Record r = store.records.get(email.toLowerCase(Locale.ROOT));
        return r != null && r.email.equals(email) ? r : null;
    }

    /** What c.ShouldBindJSON says about the body, or null when it binds. */
    private static String bindError(Exchange r, JsonNode body, String clientPath) {
        if (r.raw().length == 0) return "EOF";
        if (body == null) return "invalid character '" + (char) r.raw()[0] + "' looking for beginning of value";
        if (!body.isObject()) {
            return "json: cannot unmarshal " + (body.isArray() ? "array" : body.isTextual() ? "string" : "number")
                    + " into Go value of type " + (clientPath.isEmpty() ? "model.Client" : "service.ClientCreatePayload");
        }
        JsonNode client = clientPath.isEmpty() ? body : body.get("client");
        if (client != null && !client.isObject() && !client.isNull()) {
            return "json: cannot unmarshal " + (client.isArray() ? "array" : client.isTextual() ? "string" : "number")
                    + " into Go struct field ClientCreatePayload.client of type model.Client";
        }
        return GoClientJson.typeError(client, clientPath);
    }

    /**
     * The client as the service writes it into settings: json.Marshal(model.Client), so unknown keys are
     * dropped and omitempty keys vanish when empty (v3.1.0:database/model/model.go#L299-L317;
     * v3.6.0:internal/database/model/model.go#L859-L885).
     */
    static ObjectNode modelClient(ObjectNode in, Profile p) {
        ObjectNode c = NODES.objectNode();
        putIfNotEmpty(c, in, "id");
        c.put("security", in.path("security").asText(""));
        putIfNotEmpty(c, in, "password");
        putIfNotEmpty(c, in, "flow");
        if (in.path("reverse").isObject()) c.set("reverse", in.get("reverse").deepCopy());
        putIfNotEmpty(c, in, "auth");
        c.put("email", in.path("email").asText(""));
        c.put("limitIp", in.path("limitIp").asInt(0));
        c.put("totalGB", in.path("totalGB").asLong(0));
        c.put("expiryTime", in.path("expiryTime").asLong(0));
        c.put("enable", in.path("enable").asBoolean(false));
        c.put("tgId", in.path("tgId").asLong(0));
        c.put("subId", in.path("subId").asText(""));
        if (p == Profile.V3_6) putIfNotEmpty(c, in, "group");
        c.put("comment", in.path("comment").asText(""));
        c.put("reset", in.path("reset").asInt(0));
        if (in.path("created_at").asLong(0) != 0) c.put("created_at", in.path("created_at").asLong());
        if (in.path("updated_at").asLong(0) != 0) c.put("updated_at", in.path("updated_at").asLong());
        return c;
    }

    private static void putIfNotEmpty(ObjectNode to, ObjectNode from, String key) {
        String v = from.path(key).asText("");
        if (!v.isEmpty()) to.put(key, v);
    }
}
