package dev.vpnbot.adapter.panel3xui.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One client exactly as the panel stores it in an inbound's settings: the whole JSON map,
 * unknown fields included, because every update must send the full map back (the panel
 * replaces the client, it does not merge). Reads are lenient: old panels store
 * {@code tgId} as a string, sometimes empty.
 */
public final class StoredClient {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private final ObjectNode fields;

    StoredClient(ObjectNode fields) {
        this.fields = fields.deepCopy();
    }

    /**
     * A v3.1+ client record ({@code GET panel/api/clients/get/:email}) in the shape of the client
     * the panel accepts back ({@code model.Client}): the record's {@code id} is its database row
     * number and its {@code uuid} the VLESS UUID (MHSanaei/3x-ui@v3.1.0:database/model/model.go#L319-L338),
     * its times are camelCase, and a few columns are strings where the client has structures
     * ({@code reverse}, {@code allowedIPs}; @v3.6.0:internal/database/model/model.go#L859-L914).
     * A record without a usable UUID keeps an empty {@code id}, so it is never taken for ours.
     */
    public static StoredClient fromRecord(ObjectNode record) {
        ObjectNode c = record.deepCopy();
        JsonNode uuid = c.remove("uuid");
        c.remove("id");
        c.put("id", uuid == null || uuid.isNull() ? "" : uuid.asText());
        rename(c, "createdAt", "created_at");
        rename(c, "updatedAt", "updated_at");
        // the record keeps these as text where the client has structures; as ClientRecord.ToClient
        // turns them back (@v3.1.0:database/model/model.go#L427-L452, @v3.6.0:…/model.go#L1095-L1110)
        JsonNode reverse = c.remove("reverse");
        if (reverse != null && reverse.isTextual() && !reverse.asText().isBlank()) {
            try {
                JsonNode parsed = MAPPER.readTree(reverse.asText());
                if (parsed != null && parsed.isObject()) c.set("reverse", parsed);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
                // the panel drops an unreadable one the same way
            }
        } else if (reverse != null && reverse.isObject()) {
            c.set("reverse", reverse);
        }
        JsonNode allowed = c.remove("allowedIPs");
        if (allowed != null && allowed.isTextual()) {
            com.fasterxml.jackson.databind.node.ArrayNode list = c.arrayNode();
            for (String part : allowed.asText().split(",")) {
                if (!part.isBlank()) list.add(part.trim());
            }
            if (!list.isEmpty()) c.set("allowedIPs", list);
        } else if (allowed != null && allowed.isArray()) {
            c.set("allowedIPs", allowed);
        }
        return new StoredClient(c);
    }

    /** A client as we sent it, for panels that store an accepted client verbatim (v2.x – v3.0). */
    public static StoredClient asSent(ObjectNode client) {
        return new StoredClient(client);
    }

    private static void rename(ObjectNode c, String from, String to) {
        JsonNode v = c.remove(from);
        if (v != null && !c.has(to)) c.set(to, v);
    }

    /** A copy of the full map, for sending back. */
    ObjectNode fields() {
        return fields.deepCopy();
    }

    public String email() {
        return text("email");
    }

    /** The VLESS/VMess UUID ({@code id}); empty for other protocols. */
    public String id() {
        return text("id");
    }

    public Optional<UUID> uuid() {
        try {
            return id().isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(id()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String subId() {
        return text("subId");
    }

    public String flow() {
        return text("flow");
    }

    public long expiryTime() {
        return number(fields.get("expiryTime"));
    }

    public long totalGB() {
        return number(fields.get("totalGB"));
    }

    /** Days the panel's auto-renew job adds to an expired client (0: none). */
    public long reset() {
        return number(fields.get("reset"));
    }

    public int limitIp() {
        return (int) number(fields.get("limitIp"));
    }

    public boolean enabled() {
        JsonNode n = fields.get("enable");
        if (n == null || n.isNull()) return false; // the panel reads a missing switch as off
        return n.isBoolean() ? n.booleanValue() : n.asText().equalsIgnoreCase("true");
    }

    public boolean isOurs(UUID uuid) {
        return uuid().map(uuid::equals).orElse(false);
    }

    public StoredClient withExpiry(long expiryMillis) {
        return with(copy -> copy.put("expiryTime", expiryMillis));
    }

    public StoredClient withFlow(String flow) {
        return with(copy -> copy.put("flow", flow));
    }

    public StoredClient withSubId(String subId) {
        return with(copy -> copy.put("subId", subId));
    }

    /** The device limit and the quota in bytes ({@code totalGB} holds bytes, despite its name). */
    public StoredClient withLimits(int limitIp, long totalBytes) {
        return with(copy -> copy.put("limitIp", limitIp).put("totalGB", totalBytes));
    }

    public StoredClient withEnabled(boolean enabled) {
        return with(copy -> copy.put("enable", enabled));
    }

    /** A changed copy of the full map (never a partial one: the panel replaces what it is sent). */
    private StoredClient with(Consumer<ObjectNode> change) {
        ObjectNode copy = normalised();
        change.accept(copy);
        return new StoredClient(copy);
    }

    /**
     * The map to send back: identical except that {@code tgId} is always a number, since
     * v3.5+ rejects a string there (a numeric string keeps its value, an empty one becomes 0).
     */
    public ObjectNode normalised() {
        ObjectNode copy = fields.deepCopy();
        JsonNode tgId = copy.get("tgId");
        if (tgId != null && !tgId.isNumber()) {
            copy.put("tgId", number(tgId));
        }
        return copy;
    }

    private String text(String key) {
        JsonNode n = fields.get(key);
        return n == null || n.isNull() ? "" : n.asText();
    }

    public static long number(JsonNode n) {
        if (n == null || n.isNull()) return 0;
        if (n.isNumber()) return n.longValue();
        String s = n.asText().trim();
        if (s.isEmpty()) return 0;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(s);
            } catch (NumberFormatException again) {
                return 0;
            }
        }
    }

    @Override
    public String toString() {
        return "StoredClient[" + email() + "]";
    }
}
