package dev.vpnbot.adapter.panel3xui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Go's encoding/json says when a posted client does not fit model.Client
 * (MHSanaei/3x-ui@v3.1.0:database/model/model.go#L299-L317). The message is UnmarshalTypeError's:
 * "json: cannot unmarshal &lt;json kind&gt; into Go struct field &lt;innermost struct&gt;.&lt;field path&gt; of type &lt;go type&gt;".
 * The decoder keeps going and reports the FIRST mismatch, in document order.
 */
final class GoClientJson {

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        for (String s : new String[] {"id", "security", "password", "flow", "auth", "email", "subId", "comment", "group"}) FIELDS.put(s, "string");
        FIELDS.put("limitIp", "int");
        FIELDS.put("reset", "int");
        FIELDS.put("totalGB", "int64");
        FIELDS.put("expiryTime", "int64");
        FIELDS.put("tgId", "int64");
        FIELDS.put("created_at", "int64");
        FIELDS.put("updated_at", "int64");
        FIELDS.put("enable", "bool");
    }

    private GoClientJson() {}

    /** The error for the first field of the wrong JSON kind, or null; {@code path} is e.g. "client." inside a payload. */
    static String typeError(JsonNode client, String path) {
        if (client == null || !client.isObject()) return null;
        var names = client.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String goType = goType(name);
            JsonNode v = client.get(name);
            if (goType == null || v.isNull()) continue;
            boolean fits = switch (goType) {
                case "string" -> v.isTextual();
                case "bool" -> v.isBoolean();
                default -> v.isIntegralNumber();
            };
            if (!fits) {
                return "json: cannot unmarshal " + kind(v) + " into Go struct field Client." + path + jsonName(name) + " of type " + goType;
            }
        }
        return null;
    }

    // Go matches keys case-insensitively: "TGID" fills tgId
    private static String goType(String key) {
        for (var e : FIELDS.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    private static String jsonName(String key) {
        for (String k : FIELDS.keySet()) if (k.equalsIgnoreCase(key)) return k;
        return key;
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) return "string";
        if (v.isNumber()) return v.isIntegralNumber() ? "number" : "number " + v.asText();
        if (v.isBoolean()) return "bool";
        if (v.isArray()) return "array";
        return "object";
    }
}
