package dev.vpnbot.adapter.panel3xui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/**
 * One client exactly as the panel stores it in an inbound's settings: the whole JSON map,
 * unknown fields included, because every update must send the full map back (the panel
 * replaces the client, it does not merge). Reads are lenient: old panels store
 * {@code tgId} as a string, sometimes empty.
 */
final class StoredClient {
    private final ObjectNode fields;

    StoredClient(ObjectNode fields) {
        this.fields = fields.deepCopy();
    }

    /** A copy of the full map, for sending back. */
    ObjectNode fields() {
        return fields.deepCopy();
    }

    String email() {
        return text("email");
    }

    /** The VLESS/VMess UUID ({@code id}); empty for other protocols. */
    String id() {
        return text("id");
    }

    Optional<UUID> uuid() {
        try {
            return id().isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(id()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String subId() {
        return text("subId");
    }

    String flow() {
        return text("flow");
    }

    long expiryTime() {
        return number(fields.get("expiryTime"));
    }

    long totalGB() {
        return number(fields.get("totalGB"));
    }

    boolean enabled() {
        JsonNode n = fields.get("enable");
        if (n == null || n.isNull()) return false; // the panel reads a missing switch as off
        return n.isBoolean() ? n.booleanValue() : n.asText().equalsIgnoreCase("true");
    }

    boolean isOurs(UUID uuid) {
        return uuid().map(uuid::equals).orElse(false);
    }

    StoredClient withExpiry(long expiryMillis) {
        ObjectNode copy = normalised();
        copy.put("expiryTime", expiryMillis);
        return new StoredClient(copy);
    }

    StoredClient withFlow(String flow) {
        ObjectNode copy = normalised();
        copy.put("flow", flow);
        return new StoredClient(copy);
    }

    StoredClient withEnabled(boolean enabled) {
        ObjectNode copy = normalised();
        copy.put("enable", enabled);
        return new StoredClient(copy);
    }

    /**
     * The map to send back: identical except that {@code tgId} is always a number, since
     * v3.5+ rejects a string there (a numeric string keeps its value, an empty one becomes 0).
     */
    ObjectNode normalised() {
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

    static long number(JsonNode n) {
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
