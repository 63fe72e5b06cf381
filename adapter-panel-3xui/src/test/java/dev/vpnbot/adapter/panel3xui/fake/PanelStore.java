package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.JSON;
import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the panel's database holds: inbounds (with {@code settings} as JSON text in the real
 * panel, kept parsed here), the client_traffics rows and, from v3.1, the {@code clients} table
 * (ClientRecord) with its row ids. All access under {@link #lock}.
 */
final class PanelStore {

    final Object lock = new Object();
    final Map<Integer, Inbound> inbounds = new TreeMap<>();
    final Map<String, Traffic> traffics = new HashMap<>(); // lower-case email
    /** v3.1+ {@code clients} table; keyed by lower-case email (uniqueIndex on email). */
    final Map<String, Record> records = new LinkedHashMap<>();
    private final Supplier<Profile> profile;
    private final Supplier<Long> nowMillis;
    private int nextInboundId = 1;
    private int nextTrafficId = 1;
    private int nextRecordId = 1;

    PanelStore(Supplier<Profile> profile, Supplier<Long> nowMillis) {
        this.profile = profile;
        this.nowMillis = nowMillis;
    }

    long now() {
        return nowMillis.get();
    }

    Inbound createInbound(String remark, int port, String protocol, String listen, ObjectNode settings, ObjectNode stream,
                          ObjectNode sniffing) {
        Inbound in = new Inbound(nextInboundId++);
        in.remark = remark;
        in.port = port;
        in.protocol = protocol;
        in.listen = listen;
        in.settings = settings;
        in.stream = stream;
        in.sniffing = sniffing;
        in.tag = "inbound-" + port; // MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go#L106-L133
        inbounds.put(in.id, in);
        for (JsonNode c : in.clients()) upsertTraffic(in.id, (ObjectNode) c);
        syncRecords(in);
        return in;
    }

    // --- clients in settings ------------------------------------------------------------------------

    /** The first settings copy of a client with this email (case-insensitive), in inbound order. */
    ObjectNode clientByEmail(String email) {
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                if (c.path("email").asText("").equalsIgnoreCase(email)) return (ObjectNode) c;
            }
        }
        return null;
    }

    /** The inbound holding the first copy (what GetClientInboundByEmail finds via the traffic row). */
    Inbound inboundOf(String email) {
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                if (c.path("email").asText("").equalsIgnoreCase(email)) return in;
            }
        }
        return null;
    }

    int copiesOf(String email) {
        int n = 0;
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                if (c.path("email").asText("").equalsIgnoreCase(email)) n++;
            }
        }
        return n;
    }

    /** Email → subId over every inbound, as getAllEmailSubIDs (lower-case keys). */
    Map<String, String> emailSubIds() {
        Map<String, String> out = new HashMap<>();
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                String email = c.path("email").asText("");
                if (!email.isEmpty()) out.putIfAbsent(email.toLowerCase(Locale.ROOT), c.path("subId").asText(""));
            }
        }
        return out;
    }

    /**
     * The email of the first incoming client the version's uniqueness rule refuses, or null.
     * v2.x: emails are global and case-insensitive (MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L144-L186).
     * v3.0+: the same email is let through when stored and incoming subId are equal and non-empty
     * (MHSanaei/3x-ui@v3.0.2:web/service/inbound.go#L249-L279; v3.1.0:web/service/client.go#L1392-L1417).
     */
    String refusedEmail(List<ObjectNode> incoming, String ignoreLowerEmail) {
        synchronized (lock) { // race mode calls it outside the lock
            return refusedEmailLocked(incoming, ignoreLowerEmail);
        }
    }

    private String refusedEmailLocked(List<ObjectNode> incoming, String ignoreLowerEmail) {
        Map<String, String> stored = emailSubIds();
        Map<String, String> seen = new HashMap<>();
        boolean subIdExemption = profile.get().isV3();
        for (ObjectNode c : incoming) {
            String email = c.path("email").asText("");
            if (email.isEmpty()) continue;
            String key = email.toLowerCase(Locale.ROOT);
            String sub = c.path("subId").asText("");
            if (seen.containsKey(key)) {
                if (!subIdExemption || !seen.get(key).equals(sub) || sub.isEmpty()) return email;
                continue;
            }
            seen.put(key, sub);
            if (key.equals(ignoreLowerEmail) || !stored.containsKey(key)) continue;
            String existing = stored.get(key);
            if (!subIdExemption || sub.isEmpty() || existing.isEmpty() || !existing.equals(sub)) return email;
        }
        return null;
    }

    // --- traffic rows ----------------------------------------------------------------------------------

    void upsertTraffic(int inboundId, ObjectNode client) {
        String email = client.path("email").asText("");
        if (email.isEmpty()) return;
        Traffic t = traffics.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new Traffic(nextTrafficId++, inboundId));
        t.email = email;
        // AddClientStat / UpdateClientStat wrote enable=true whatever the client said until v2.8.0
        // (v2.4.11:web/service/inbound.go#L1147-L1158; v2.8.1 writes client.Enable: v2.8.11:#L1340-L1352)
        Profile p = profile.get();
        t.enable = p == Profile.V2_4 || p == Profile.V2_7 || client.path("enable").asBoolean(false);
        t.total = client.path("totalGB").asLong(0);
        t.expiryTime = client.path("expiryTime").asLong(0);
        t.reset = client.path("reset").asInt(0);
    }

    void dropTrafficOfMissingClients() {
        traffics.keySet().removeIf(email -> clientByEmail(email) == null);
    }

    // --- v3.1+ clients table --------------------------------------------------------------------------

    /**
     * SyncInbound: every client in the inbound's settings gets (or updates) its row in the
     * {@code clients} table, keeping the row id (MHSanaei/3x-ui@v3.1.0:web/service/client.go#L188-L251).
     * Rows are not deleted here; only clients/del removes one.
     */
    void syncRecords(Inbound in) {
        if (!profile.get().hasClientsApi()) return;
        for (JsonNode node : in.clients()) {
            String email = node.path("email").asText("").trim();
            if (email.isEmpty()) continue;
            Record r = records.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new Record(nextRecordId++));
            r.email = r.email == null ? email : r.email;
            r.fields = ((ObjectNode) node).deepCopy();
            long created = node.path("created_at").asLong(0);
            if (created > 0 && (r.createdAt == 0 || created < r.createdAt)) r.createdAt = created;
            if (r.createdAt == 0) r.createdAt = now(); // autoCreateTime:milli
            long updated = node.path("updated_at").asLong(0);
            if (updated > r.updatedAt) r.updatedAt = updated; // autoUpdateTime:milli otherwise
            if (r.updatedAt == 0) r.updatedAt = now();
        }
    }

    /** Rows for clients that exist in settings (after a profile switch to v3.1+, as the migration does). */
    void syncAllRecords() {
        inbounds.values().forEach(this::syncRecords);
    }

    List<Integer> inboundIdsOf(String email) {
        List<Integer> ids = new ArrayList<>();
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                if (c.path("email").asText("").equalsIgnoreCase(email)) {
                    if (!ids.contains(in.id)) ids.add(in.id); // client_inbounds has (client_id, inbound_id) as key
                }
            }
        }
        return ids;
    }

    /** The panel's traffic job (see FakeThreeXuiPanel#trafficTick). */
    void trafficTick() {
        synchronized (lock) {
            long now = now();
            for (Inbound in : inbounds.values()) {
                for (JsonNode node : in.clients()) {
                    ObjectNode c = (ObjectNode) node;
                    Traffic t = traffics.get(c.path("email").asText("").toLowerCase(Locale.ROOT));
                    if (t == null) continue;
                    if (t.expiryTime < 0 && t.up + t.down > 0) {
                        t.expiryTime = now - t.expiryTime;
                        c.put("expiryTime", t.expiryTime);
                    }
                    if (t.expiryTime > 0 && t.expiryTime <= now && t.reset > 0) {
                        while (t.expiryTime <= now) t.expiryTime += Duration.ofDays(t.reset).toMillis();
                        c.put("expiryTime", t.expiryTime);
                        t.up = 0;
                        t.down = 0;
                        t.enable = true;
                    }
                    if ((t.expiryTime > 0 && t.expiryTime <= now) || (t.total > 0 && t.up + t.down >= t.total)) {
                        t.enable = false;
                    }
                }
            }
        }
    }

    // --- model -------------------------------------------------------------------------------------------

    final class Inbound {
        final int id;
        String remark = "";
        boolean enable = true;
        String listen = "";
        int port;
        String protocol;
        String tag;
        ObjectNode settings;
        /** Text served instead of {@code settings} (a hand-edited database row; only panels that serve it as text show it). */
        String brokenSettings;
        ObjectNode stream;
        ObjectNode sniffing;

        Inbound(int id) {
            this.id = id;
        }

        List<JsonNode> clients() {
            List<JsonNode> out = new ArrayList<>();
            settings.path("clients").forEach(out::add);
            return out;
        }

        ArrayNode clientArray() {
            return settings.withArray("clients");
        }

        /**
         * What the real panel does to the inbound row on every client change: the stored settings
         * text is unmarshalled, changed, marshalled with indentation and saved whole
         * (MHSanaei/3x-ui@v2.8.0:web/service/inbound.go#L550, #L560, #L609 for addClient, #L763, #L790,
         * #L871 for updateClient; @v3.1.0:web/service/client.go#L1482, #L1497, #L1565 for add, #L1673,
         * #L1719, #L1842 for update): work in proportion to the inbound's clients, which the fake
         * repeats so that a benchmark sees the cost grow as on a real panel.
         */
        void rewriteSettings() {
            try {
                settings = (ObjectNode) JSON.readTree(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(settings));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * model.Inbound as the version serialises it, keys in struct order.
         * v2.4.11:database/model/model.go#L30-L50 (allocate; no allTime/trafficReset);
         * v2.8.11, v2.9.4, v3.0.2: + allTime, trafficReset, lastTrafficResetTime;
         * v3.1.0:database/model/model.go#L47-L75: allTime gone; Inbound.MarshalJSON (#L150-L167) emits
         * settings/streamSettings/sniffing as nested JSON (last, as the wrapper struct's own fields).
         * v3.6.0:internal/database/model/model.go: + subSortIndex, trafficResetDay, shareAddrStrategy, shareAddr.
         */
        ObjectNode toJson() {
            Profile p = profile.get();
            ObjectNode n = NODES.objectNode();
            n.put("id", id);
            n.put("up", 0);
            n.put("down", 0);
            n.put("total", 0);
            if (p.hasInboundAllTime()) n.put("allTime", 0);
            n.put("remark", remark);
            if (p == Profile.V3_6) n.put("subSortIndex", 0);
            n.put("enable", enable);
            n.put("expiryTime", 0);
            if (p.hasTrafficReset()) {
                n.put("trafficReset", "never");
                if (p == Profile.V3_6) n.put("trafficResetDay", 0);
                n.put("lastTrafficResetTime", 0);
            }
            ArrayNode stats = n.putArray("clientStats");
            for (JsonNode c : clients()) {
                Traffic t = traffics.get(c.path("email").asText("").toLowerCase(Locale.ROOT));
                if (t != null && t.inboundId == id) stats.add(t.toJson(c));
            }
            n.put("listen", listen);
            n.put("port", port);
            n.put("protocol", protocol);
            boolean objects = p.settingsAsObjects();
            if (!objects) {
                n.put("settings", brokenSettings != null ? brokenSettings : text(settings));
                n.put("streamSettings", text(stream));
            }
            n.put("tag", tag);
            if (!objects) n.put("sniffing", text(sniffing));
            if (p == Profile.V2_4) n.put("allocate", "");
            if (p == Profile.V3_6) {
                n.put("shareAddrStrategy", "");
                n.put("shareAddr", "");
            }
            if (objects) {
                n.set("settings", settings.deepCopy());
                n.set("streamSettings", stream.deepCopy());
                n.set("sniffing", sniffing.deepCopy());
            }
            return n;
        }
    }

    /** The client_traffics row (xray.ClientTraffic). */
    final class Traffic {
        final int id;
        final int inboundId;
        boolean enable;
        String email;
        long up;
        long down;
        long total;
        long expiryTime;
        int reset;
        long lastOnline;

        Traffic(int id, int inboundId) {
            this.id = id;
            this.inboundId = inboundId;
        }

        /**
         * v2.4.11:xray/client_traffic.go#L3-L13 (9 keys); v2.8.11/v3.0.2: + uuid, subId, allTime, lastOnline
         * (uuid/subId filled from the client, gorm:"-"); v3.1.0:xray/client_traffic.go#L5-L18: allTime gone.
         * {@code id} is the ROW id, never the client's UUID.
         */
        ObjectNode toJson(JsonNode client) {
            Profile p = profile.get();
            ObjectNode n = NODES.objectNode();
            n.put("id", id);
            n.put("inboundId", inboundId);
            n.put("enable", enable);
            n.put("email", email);
            if (p.hasTrafficIdentity()) {
                n.put("uuid", client == null ? "" : client.path("id").asText(""));
                n.put("subId", client == null ? "" : client.path("subId").asText(""));
            }
            n.put("up", up);
            n.put("down", down);
            if (p.hasTrafficAllTime()) n.put("allTime", up + down);
            n.put("expiryTime", expiryTime);
            n.put("total", total);
            n.put("reset", reset);
            if (p.hasTrafficIdentity()) n.put("lastOnline", lastOnline);
            return n;
        }
    }

    /** A row of the v3.1+ {@code clients} table. */
    static final class Record {
        final int id; // autoIncrement row number, NOT the UUID
        String email;
        ObjectNode fields = NODES.objectNode(); // the settings client it was last synced from
        long createdAt;
        long updatedAt;

        Record(int id) {
            this.id = id;
        }

        /**
         * model.ClientRecord: every key present, camelCase times; ClientRecord.MarshalJSON puts
         * {@code reverse} last as nested JSON, null when empty
         * (MHSanaei/3x-ui@v3.1.0:database/model/model.go#L319-L360; v3.6.0:internal/database/model/model.go#L887-L914).
         */
        ObjectNode toJson(Profile p) {
            ObjectNode n = NODES.objectNode();
            n.put("id", id);
            n.put("email", email);
            n.put("subId", fields.path("subId").asText(""));
            n.put("uuid", fields.path("id").asText(""));
            n.put("password", fields.path("password").asText(""));
            n.put("auth", fields.path("auth").asText(""));
            n.put("flow", fields.path("flow").asText(""));
            n.put("security", fields.path("security").asText(""));
            if (p == Profile.V3_6) {
                n.put("privateKey", fields.path("privateKey").asText(""));
                n.put("publicKey", fields.path("publicKey").asText(""));
                n.put("allowedIPs", "");
                n.put("preSharedKey", fields.path("preSharedKey").asText(""));
                n.put("keepAlive", fields.path("keepAlive").asInt(0));
                n.put("secret", fields.path("secret").asText(""));
                n.put("adTag", fields.path("adTag").asText(""));
            }
            n.put("limitIp", fields.path("limitIp").asInt(0));
            n.put("totalGB", fields.path("totalGB").asLong(0));
            n.put("expiryTime", fields.path("expiryTime").asLong(0));
            n.put("enable", fields.path("enable").asBoolean(false));
            n.put("tgId", fields.path("tgId").asLong(0));
            if (p == Profile.V3_6) n.put("group", fields.path("group").asText(""));
            n.put("comment", fields.path("comment").asText(""));
            n.put("reset", fields.path("reset").asInt(0));
            n.put("createdAt", createdAt);
            n.put("updatedAt", updatedAt);
            JsonNode reverse = fields.get("reverse");
            n.set("reverse", reverse == null || reverse.isNull() ? NullNode.getInstance() : reverse.deepCopy());
            return n;
        }
    }

    static String text(ObjectNode value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value); // json.MarshalIndent(…, "", "  ")
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
