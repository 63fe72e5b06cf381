package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Inbound;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inbound-level routes (every version), server routes and the settings page: list/get/add/update/del
 * of whole inbounds, server status, a fresh X25519 pair, /panel/setting/all.
 */
final class InboundRoutes {

    private final FakeThreeXuiPanel panel;
    private final PanelStore store;

    InboundRoutes(FakeThreeXuiPanel panel, PanelStore store) {
        this.panel = panel;
        this.store = store;
    }

    /** True when the route was one of these. {@code seg} is the route after "panel/api/". */
    boolean handle(Exchange r, String[] seg) throws IOException {
        Profile p = panel.profile();
        if (seg[0].equals("inbounds") && seg.length >= 2) {
            String op = seg[1];
            // MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go#L31-L55; v3.1.0:web/controller/inbound.go#L63-L76
            if (seg.length == 2 && op.equals("list") && r.is("GET")) return answer(() -> list(r));
            if (seg.length == 3 && op.equals("get") && r.is("GET")) return answer(() -> get(r, seg[2]));
            if (seg.length == 2 && op.equals("add") && r.is("POST")) return answer(() -> add(r));
            if (seg.length == 3 && op.equals("update") && r.is("POST")) return answer(() -> update(r, seg[2]));
            if (seg.length == 3 && op.equals("del") && r.is("POST")) return answer(() -> delete(r, seg[2]));
        }
        // MHSanaei/3x-ui@v2.8.11:web/controller/server.go#L43-L49 (GET under /panel/api/server from 2.8)
        if (seg[0].equals("server") && seg.length == 2 && r.is("GET") && !p.hasOldServerRoutes()) {
            if (seg[1].equals("status")) return answer(() -> r.ok("", statusJson()));
            if (seg[1].equals("getNewX25519Cert")) return answer(() -> r.ok("", keyPairJson()));
            if (seg[1].equals("getNewUUID")) return answer(() -> r.ok("", NODES.objectNode().put("uuid", java.util.UUID.randomUUID().toString())));
        }
        // the settings page's data through the API group on v3.1+ (fake's own mount, kept from the old fake)
        if (p.hasClientsApi() && seg[0].equals("setting") && seg.length == 2 && seg[1].equals("all") && r.is("POST")
                && !panel.settingsHidden) {
            return answer(() -> r.ok("", settingsJson()));
        }
        return false;
    }

    /** Routes outside /panel/api: the settings page and, on v2.4–2.7, the old POST server routes. */
    boolean handleUi(Exchange r, SessionRoutes sessions) throws IOException {
        Profile p = panel.profile();
        String route = r.route;
        if (route.equals("panel/setting/all") && r.is("POST") && !p.hasClientsApi() && !panel.settingsHidden) {
            if (sessions.uiAuthorised(r)) r.ok("", settingsJson());
            return true;
        }
        // MHSanaei/3x-ui@v2.4.11:web/controller/server.go#L38-L52, mounted on the base group (web/web.go#L232)
        if (p.hasOldServerRoutes() && r.is("POST") && (route.equals("server/status") || route.equals("server/getNewX25519Cert"))) {
            if (!sessions.uiAuthorised(r)) return true;
            r.ok("", route.equals("server/status") ? statusJson() : keyPairJson());
            return true;
        }
        return false;
    }

    @FunctionalInterface
    private interface Answer {
        void run() throws IOException;
    }

    private static boolean answer(Answer a) throws IOException {
        a.run();
        return true;
    }

    private void list(Exchange r) throws IOException {
        ArrayNode all = NODES.arrayNode();
        synchronized (store.lock) {
            store.inbounds.values().forEach(in -> all.add(in.toJson()));
        }
        r.ok("", all);
    }

    private void get(Exchange r, String idText) throws IOException {
        Integer id = Exchange.parseInt(idText);
        if (id == null) {
            r.fail("Obtain (strconv.Atoi: parsing \"" + idText + "\": invalid syntax)");
            return;
        }
        synchronized (store.lock) {
            Inbound in = store.inbounds.get(id);
            if (in == null) r.fail("Obtain (record not found)");
            else r.ok("", in.toJson());
        }
    }

    private void add(Exchange r) throws IOException {
        Profile p = panel.profile();
        InboundForm form = inboundForm(r, p.toast("pages.inbounds.toasts.inboundCreateSuccess"));
        if (form == null) return;
        synchronized (store.lock) {
            if (store.inbounds.values().stream().anyMatch(i -> i.port == form.port)) {
                r.fail(p.failure("Something went wrong", "Port already exists: " + form.port + "\n"));
                return;
            }
            String dup = store.refusedEmail(InboundSetup.clientsOf(form.settings), null);
            if (dup != null) {
                r.fail(p.failure("Something went wrong", "Duplicate email: " + dup + "\n"));
                return;
            }
            Inbound in = store.createInbound(form.remark, form.port, form.protocol, form.listen, form.settings, form.stream, form.sniffing);
            in.enable = form.enable;
            r.ok(p.toast("pages.inbounds.toasts.inboundCreateSuccess"), in.toJson());
        }
    }

    private void update(Exchange r, String idText) throws IOException {
        Profile p = panel.profile();
        Integer id = Exchange.parseInt(idText);
        InboundForm form = inboundForm(r, p.toast("pages.inbounds.toasts.inboundUpdateSuccess"));
        if (form == null) return;
        synchronized (store.lock) {
            Inbound in = id == null ? null : store.inbounds.get(id);
            if (in == null) {
                r.fail(p.failure("Something went wrong", "record not found"));
                return;
            }
            if (store.inbounds.values().stream().anyMatch(i -> i.port == form.port && i.id != in.id)) {
                r.fail(p.failure("Something went wrong", "Port already exists: " + form.port + "\n"));
                return;
            }
            List<String> before = emails(in);
            in.remark = form.remark;
            in.port = form.port;
            in.protocol = form.protocol;
            in.listen = form.listen;
            in.enable = form.enable;
            in.settings = form.settings;
            in.stream = form.stream;
            in.sniffing = form.sniffing;
            for (JsonNode c : in.clients()) {
                if (!before.contains(c.path("email").asText("").toLowerCase(Locale.ROOT))) store.upsertTraffic(in.id, (ObjectNode) c);
            }
            store.dropTrafficOfMissingClients();
            store.syncRecords(in);
            r.ok(p.toast("pages.inbounds.toasts.inboundUpdateSuccess"), in.toJson());
        }
    }

    private void delete(Exchange r, String idText) throws IOException {
        Profile p = panel.profile();
        Integer id = Exchange.parseInt(idText);
        synchronized (store.lock) {
            Inbound in = id == null ? null : store.inbounds.remove(id);
            if (in == null) {
                r.fail(p.failure("Something went wrong", "record not found"));
                return;
            }
            store.dropTrafficOfMissingClients();
            r.ok(p.toast("pages.inbounds.toasts.inboundDeleteSuccess"), NODES.numberNode(id));
        }
    }

    private static List<String> emails(Inbound in) {
        List<String> out = new ArrayList<>();
        in.clients().forEach(c -> out.add(c.path("email").asText("").toLowerCase(Locale.ROOT)));
        return out;
    }

    private record InboundForm(String remark, int port, String protocol, String listen, boolean enable,
                               ObjectNode settings, ObjectNode stream, ObjectNode sniffing) {}

    /** c.ShouldBind(model.Inbound): form or JSON; from v3.1 Inbound.UnmarshalJSON also takes objects. */
    private InboundForm inboundForm(Exchange r, String toast) throws IOException {
        JsonNode body = r.body();
        if (body == null) {
            r.fail(toast + " (invalid request)");
            return null;
        }
        JsonNode port = body.get("port");
        if (r.isJson() && port != null && !port.isNumber()) {
            r.fail(toast + " (json: cannot unmarshal string into Go struct field Inbound.port of type int)");
            return null;
        }
        try {
            return new InboundForm(body.path("remark").asText(""), port == null ? 0 : port.asInt(),
                    body.path("protocol").asText(""), body.path("listen").asText(""), body.path("enable").asBoolean(true),
                    InboundSetup.embedded(body.get("settings")), InboundSetup.embedded(body.get("streamSettings")),
                    InboundSetup.embedded(body.get("sniffing")));
        } catch (JsonProcessingException e) {
            r.fail(toast + " (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    ObjectNode settingsJson() {
        ObjectNode s = NODES.objectNode();
        s.put("webListen", "");
        s.put("webPort", panel.port());
        s.put("webBasePath", panel.basePath());
        s.put("sessionMaxAge", panel.sessionTtl().toMinutes());
        s.put("remarkModel", panel.remarkModel);
        s.put("tgBotEnable", false);
        s.put("tgBotToken", "123456:fake-panel-bot-secret"); // the real panel sends secrets here too
        s.put("subEnable", panel.subEnable);
        s.put("subListen", "");
        s.put("subPort", panel.subPort);
        s.put("subPath", panel.subPath);
        s.put("subDomain", panel.subDomain);
        s.put("subCertFile", panel.subTls ? "/etc/ssl/sub.crt" : "");
        s.put("subKeyFile", panel.subTls ? "/etc/ssl/sub.key" : "");
        s.put("subURI", panel.subUri);
        s.put("subEncrypt", true);
        s.put("subShowInfo", true);
        return s;
    }

    private static JsonNode statusJson() {
        ObjectNode s = NODES.objectNode();
        s.put("cpu", 1.5);
        s.putObject("xray").put("state", "running").put("errorMsg", "").put("version", "25.10.15");
        s.put("uptime", 12345);
        return s;
    }

    private JsonNode keyPairJson() {
        panel.keyGeneratorCalls.incrementAndGet();
        String[] keys = InboundSetup.realityKeys();
        ObjectNode obj = NODES.objectNode();
        obj.put("privateKey", keys[0]);
        obj.put("publicKey", keys[1]);
        return obj;
    }
}
