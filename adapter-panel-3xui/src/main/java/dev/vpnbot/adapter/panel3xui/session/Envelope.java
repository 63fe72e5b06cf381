package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;

/**
 * The panel's answer to every handled request: {@code {"success", "msg", "obj"}}. Business
 * errors come as HTTP 200 with {@code success:false}; their text is localised and often ends
 * in a newline, so it is only ever searched, never compared.
 */
public record Envelope(boolean success, String msg, JsonNode obj) {

    public Envelope {
        msg = msg == null ? "" : msg;
        obj = obj == null ? NullNode.getInstance() : obj;
    }

    static Envelope of(JsonNode root) {
        JsonNode success = root.get("success");
        JsonNode msg = root.get("msg");
        return new Envelope(success != null && success.asBoolean(false), msg == null || msg.isNull() ? "" : msg.asText(), root.get("obj"));
    }

    public boolean says(String fragment) {
        return msg.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }

    boolean hasObj() {
        return !obj.isNull() && !obj.isMissingNode();
    }

    /** The message without the trailing newline Go's Sprintln leaves, for operators to read. */
    public String shortMsg() {
        String m = msg.strip();
        return m.isEmpty() ? "(no message)" : m;
    }
}
