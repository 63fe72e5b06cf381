package dev.vpnbot.adapter.heleket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Heleket's answer envelope: {@code {"state":0,"result":…}} on success,
 * {@code {"state":1,"message":…}} or {@code {"state":1,"errors":{field:[rule…]}}} otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HeleketReply<T>(Integer state, T result, String message, JsonNode errors) {

    boolean succeeded() {
        return state != null && state == 0 && result != null;
    }

    /** "amount: validation.required; order_id: validation.alpha_dash", or the message. */
    String problem() {
        List<String> parts = new ArrayList<>();
        if (message != null && !message.isBlank()) parts.add(message.trim());
        if (errors != null && errors.isObject()) {
            errors.properties().forEach(e -> parts.add(e.getKey() + ": " + text(e.getValue())));
        }
        return parts.isEmpty() ? "no message" : String.join("; ", parts);
    }

    boolean hasErrorFor(String field) {
        return errors != null && errors.isObject() && errors.has(field);
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> rules = new ArrayList<>();
            node.forEach(n -> rules.add(n.asText()));
            return String.join(", ", rules);
        }
        return node.asText();
    }
}
