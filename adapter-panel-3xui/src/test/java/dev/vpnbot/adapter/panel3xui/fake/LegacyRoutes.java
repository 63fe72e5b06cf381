package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Inbound;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Traffic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The per-inbound client routes under /panel/api/inbounds of v2.x – v3.0
 * (MHSanaei/3x-ui@v2.4.11:web/controller/api.go#L27-L50, v2.8.11:web/controller/inbound.go#L31-L55,
 * v3.0.2:web/controller/inbound.go#L63-L89). Gone from v3.1 (v3.1.0:web/controller/inbound.go#L63-L76):
 * the dispatcher does not call this class on clients-API profiles, so they are gin 404s there.
 *
 * <p>Without a lock (before v3.1 there is no lockInbound) a client change is a read-modify-write of the
 * whole settings text; {@link FakeThreeXuiPanel#raceMode} makes two concurrent ones lose each other's work.
 */
final class LegacyRoutes {

    private final FakeThreeXuiPanel panel;
    private final PanelStore store;

    LegacyRoutes(FakeThreeXuiPanel panel, PanelStore store) {
        this.panel = panel;
        this.store = store;
    }

    boolean handle(Exchange r, String[] seg) throws IOException {
        Profile p = panel.profile();
        if (!seg[0].equals("inbounds") || seg.length < 2 || p.hasClientsApi()) return false;
        String op = seg[1];
        if (seg.length == 2 && op.equals("addClient") && r.is("POST")) add(r);
        else if (seg.length == 3 && op.equals("updateClient") && r.is("POST")) update(r, seg[2]);
        else if (seg.length == 4 && seg[2].equals("delClient") && r.is("POST")) delete(r, seg[1], seg[3], false);
        else if (seg.length == 4 && seg[2].equals("delClientByEmail") && r.is("POST") && p != Profile.V2_4) delete(r, seg[1], seg[3], true);
        else if (seg.length == 3 && op.equals("getClientTraffics") && r.is("GET")) traffic(r, seg[2]);
        else if (seg.length == 3 && op.equals("getClientTrafficsById") && r.is("GET")) trafficById(r, seg[2]);
        else if (seg.length == 4 && seg[2].equals("resetClientTraffic") && r.is("POST")) resetTraffic(r, seg[3]);
        else if (seg.length == 2 && op.equals("onlines") && r.is("POST")) r.ok("", panel.onlinesNull ? null : NODES.arrayNode());
        else if (seg.length == 3 && op.equals("clientIps") && r.is("POST")) r.ok("", TextNode.valueOf("No IP Record"));
        else if (seg.length == 3 && op.equals("delDepletedClients") && r.is("POST")) deleteDepleted(r, seg[2]);
        else return false;
        return true;
    }

    /** The {id, settings} body (c.ShouldBind(model.Inbound)); null when an answer was already sent. */
    private Form form(Exchange r) throws IOException {
        Profile p = panel.profile();
        String bindToast = p.toast("pages.inbounds.toasts.inboundUpdateSuccess"); // the bind-error toast these handlers use
        JsonNode body = r.body();
        if (body == null) {
            r.fail(p.failure(bindToast, "invalid request"));
            return null;
        }
        JsonNode id = body.get("id");
        JsonNode settings = body.get("settings");
        if (r.isJson()) {
            if (id != null && !id.isNumber()) {
                r.fail(p.failure(bindToast, "json: cannot unmarshal " + (id.isTextual() ? "string" : "object") + " into Go struct field Inbound.id of type int"));
                return null;
            }
            if (settings != null && !settings.isTextual() && !settings.isNull()) {
                r.fail(p.failure(bindToast, "json: cannot unmarshal " + (settings.isObject() ? "object" : "array") + " into Go struct field Inbound.settings of type string"));
                return null;
            }
        }
        ObjectNode parsed;
        try {
            parsed = InboundSetup.embedded(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed settings"); // settings["clients"].([]any) panics: empty 500
        }
        if (!parsed.path("clients").isArray()) throw new IllegalStateException("settings without clients"); // panic → 500
        for (JsonNode c : parsed.path("clients")) {
            String typeError = GoClientJson.typeError(c, ""); // GetClients: json.Unmarshal into []model.Client
            if (typeError != null) {
                r.fail(p.failed("somethingWentWrong", typeError));
                return null;
            }
        }
        return new Form(id == null ? 0 : id.asInt(), InboundSetup.clientsOf(parsed));
    }

    private record Form(int inboundId, List<ObjectNode> clients) {}

    // MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go#L244-L261, service/inbound.go#L560-L680
    // MHSanaei/3x-ui@v3.0.2:web/service/inbound.go#L813-L955 (appends, even into the inbound already holding the email)
    private void add(Exchange r) throws IOException {
        Profile p = panel.profile();
        Form form = form(r);
        if (form == null) return;
        String failure = mutate(form.inboundId, (in, clients) -> {
            String dup = store.refusedEmail(form.clients, null);
            if (dup != null) return p.failed("somethingWentWrong", "Duplicate email: " + dup + "\n");
            if (in == null) return p.failed("somethingWentWrong", "record not found");
            String key = InboundSetup.protocolKey(in.protocol);
            for (ObjectNode c : form.clients) {
                if (p == Profile.V3_0 && c.path("email").asText("").isBlank()) return p.failed("somethingWentWrong", "client email is required\n");
                if (c.path(key).asText("").isEmpty()) return p.failed("somethingWentWrong", "empty client ID\n");
            }
            long now = store.now();
            for (ObjectNode c : form.clients) {
                ObjectNode stored = c.deepCopy(); // verbatim, unknown fields included
                if (p.hasClientTimes()) {
                    if (!stored.has("created_at")) stored.put("created_at", now);
                    stored.put("updated_at", now);
                }
                clients.add(stored);
            }
            return null;
        }, in -> form.clients.forEach(c -> store.upsertTraffic(in.id, c)));
        if (failure != null) r.fail(failure);
        else r.ok(p.done("pages.inbounds.toasts.inboundClientAddSuccess"), null);
    }

    // MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L795-L855: the FIRST client whose key matches is replaced whole
    private void update(Exchange r, String clientId) throws IOException {
        Profile p = panel.profile();
        Form form = form(r);
        if (form == null) return;
        if (form.clients.isEmpty()) throw new IllegalStateException("no client"); // clients[0]: index out of range → 500
        ObjectNode replacement = form.clients.get(0);
        String[] oldEmail = new String[1];
        String failure = mutate(form.inboundId, (in, clients) -> {
            if (in == null) return p.failed("somethingWentWrong", "record not found");
            String key = InboundSetup.protocolKey(in.protocol);
            int index = -1;
            for (int i = 0; i < clients.size() && index < 0; i++) {
                if (clients.get(i).path(key).asText("").equals(clientId)) index = i;
            }
            if (index < 0 || replacement.path(key).asText("").isEmpty()) return p.failed("somethingWentWrong", "empty client ID\n");
            ObjectNode stored = (ObjectNode) clients.get(index);
            oldEmail[0] = stored.path("email").asText("");
            String newEmail = replacement.path("email").asText("");
            if (!newEmail.equalsIgnoreCase(oldEmail[0]) && store.refusedEmail(List.of(replacement), null) != null) {
                return p.failed("somethingWentWrong", "Duplicate email: " + newEmail + "\n");
            }
            ObjectNode copy = replacement.deepCopy(); // the whole map is replaced: no merge
            if (p.hasClientTimes()) {
                // the stored created_at, or now when it has none (v2.8.11:web/service/inbound.go#L838-L853)
                copy.set("created_at", stored.has("created_at") ? stored.get("created_at") : NODES.numberNode(store.now()));
                copy.put("updated_at", store.now());
            }
            clients.set(index, copy);
            return null;
        }, in -> {
            Traffic t = store.traffics.remove(oldEmail[0].toLowerCase(Locale.ROOT));
            String newEmail = replacement.path("email").asText("");
            if (newEmail.isEmpty()) return;
            if (t != null) store.traffics.put(newEmail.toLowerCase(Locale.ROOT), t); // up/down are kept
            store.upsertTraffic(in.id, replacement);
        });
        if (failure != null) r.fail(failure);
        else r.ok(p.done("pages.inbounds.toasts.inboundClientUpdateSuccess"), null);
    }

    // MHSanaei/3x-ui@v3.0.2:web/service/inbound.go DelInboundClient: every copy with the key goes
    private void delete(Exchange r, String idText, String clientKey, boolean byEmail) throws IOException {
        Profile p = panel.profile();
        Integer inboundId = Exchange.parseInt(idText);
        List<String> removed = new ArrayList<>();
        String failure = mutate(inboundId == null ? -1 : inboundId, (in, clients) -> {
            if (in == null) return p.failed("somethingWentWrong", "record not found");
            String key = byEmail ? "email" : InboundSetup.protocolKey(in.protocol);
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).path(key).asText("").equalsIgnoreCase(clientKey)) hits.add(i);
            }
            if (hits.isEmpty()) {
                // v2.9.4:web/service/inbound.go#L1084-L1086, v3.0.2:web/service/inbound.go#L1192-L1194; earlier tags
                // (v2.8.11:web/service/inbound.go#L701-L715) save the inbound unchanged and answer success
                return p == Profile.V3_0 || p == Profile.V2_9
                        ? p.failed("somethingWentWrong", "Client Not Found In Inbound For ID: " + clientKey + "\n") : null;
            }
            if (clients.size() == hits.size()) return p.failed("somethingWentWrong", "no client remained in Inbound\n");
            String email = clients.get((int) hits.get(hits.size() - 1)).path("email").asText("");
            if (!email.isEmpty() && !store.traffics.containsKey(email.toLowerCase(Locale.ROOT))) {
                // the stats row is read with First(&notDepleted): without one gorm says "record not found" and
                // nothing is saved (v2.4.11:web/service/inbound.go#L572-L578, v2.8.11:#L735-L741, v3.0.2:#L1226-L1232)
                return p.failed("somethingWentWrong", "record not found");
            }
            for (int i = hits.size() - 1; i >= 0; i--) {
                removed.add(clients.get((int) hits.get(i)).path("email").asText(""));
                clients.remove((int) hits.get(i));
            }
            return null;
        }, in -> store.dropTrafficOfMissingClients());
        if (failure != null) r.fail(failure);
        else r.ok(p.done("pages.inbounds.toasts.inboundClientDeleteSuccess"), null);
    }

    // MHSanaei/3x-ui@v2.8.11:web/service/inbound.go GetClientTrafficByEmail → "Inbound Not Found For Email:"
    private void traffic(Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        synchronized (store.lock) {
            Traffic t = store.traffics.get(email.toLowerCase(Locale.ROOT));
            if (t == null) {
                if (p.hasOldServerRoutes()) r.ok("", null); // v2.4 – 2.7: obj null
                else r.fail(p.failed("pages.inbounds.toasts.trafficGetError", "Inbound Not Found For Email: " + email + "\n"));
                return;
            }
            JsonNode client = store.clientByEmail(email);
            ObjectNode row = t.toJson(client);
            // v2.8.11 alone reports the client's own switch (web/service/inbound.go#L2027-L2041: t.Enable = client.Enable);
            // v2.4.11 (#L1771-L1782), v2.9.4 (#L2646-L2656) and v3.0.2 (#L3359-L3372) keep the traffic row's
            if (p == Profile.V2_8 && client != null) row.put("enable", client.path("enable").asBoolean(true));
            r.ok("", row);
        }
    }

    private void trafficById(Exchange r, String uuid) throws IOException {
        ArrayNode rows = NODES.arrayNode();
        synchronized (store.lock) {
            for (Inbound in : store.inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (!c.path("id").asText("").equals(uuid)) continue;
                    Traffic t = store.traffics.get(c.path("email").asText("").toLowerCase(Locale.ROOT));
                    if (t != null) rows.add(t.toJson(c));
                }
            }
        }
        r.ok("", rows);
    }

    private void resetTraffic(Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        synchronized (store.lock) {
            Traffic t = store.traffics.get(email.toLowerCase(Locale.ROOT));
            if (t == null) {
                r.fail(p.failed("somethingWentWrong", "Inbound Not Found For Email: " + email + "\n"));
                return;
            }
            t.up = 0;
            t.down = 0;
            t.enable = true;
        }
        r.ok(p.done("pages.inbounds.toasts.resetInboundClientTrafficSuccess"), null);
    }

    private void deleteDepleted(Exchange r, String idText) throws IOException {
        Integer id = Exchange.parseInt(idText);
        long now = store.now();
        synchronized (store.lock) {
            for (Inbound in : new ArrayList<>(store.inbounds.values())) {
                if (id != null && id != -1 && in.id != id) continue;
                ArrayNode clients = in.clientArray();
                for (int i = 0; i < clients.size(); i++) {
                    Traffic t = store.traffics.get(clients.get(i).path("email").asText("").toLowerCase(Locale.ROOT));
                    if (t != null && t.reset == 0 && ((t.expiryTime > 0 && t.expiryTime <= now) || (t.total > 0 && t.up + t.down >= t.total))) {
                        store.traffics.remove(t.email.toLowerCase(Locale.ROOT));
                        clients.remove(i--);
                    }
                }
                if (clients.isEmpty()) store.inbounds.remove(in.id);
            }
        }
        r.ok(panel.profile().done("pages.inbounds.toasts.delDepletedClientsSuccess"), null);
    }

    /**
     * A read-modify-write of an inbound's client list. Normally under the lock; in race mode the list
     * is copied, the lock let go while the change is made, and the whole list written back, so two
     * concurrent changes overwrite each other as on a real pre-3.1 panel.
     *
     * @return the failure message, or null when the change was made
     */
    private String mutate(int inboundId, ClientEdit edit, Consumer<Inbound> afterwards) {
        if (!panel.raceMode) {
            synchronized (store.lock) {
                Inbound in = store.inbounds.get(inboundId);
                String failure = edit.apply(in, in == null ? NODES.arrayNode() : in.clientArray());
                if (failure == null && in != null) {
                    in.rewriteSettings();
                    afterwards.accept(in);
                }
                return failure;
            }
        }
        ArrayNode copy;
        Inbound in;
        synchronized (store.lock) {
            in = store.inbounds.get(inboundId);
            copy = in == null ? NODES.arrayNode() : in.clientArray().deepCopy();
        }
        String failure = edit.apply(in, copy);
        if (failure != null || in == null) return failure;
        panel.raceWindow(); // the window in which another writer's change gets lost
        synchronized (store.lock) {
            in.settings.set("clients", copy);
            in.rewriteSettings();
            afterwards.accept(in);
        }
        return null;
    }

    @FunctionalInterface
    private interface ClientEdit {
        String apply(Inbound inbound, ArrayNode clients);
    }
}
