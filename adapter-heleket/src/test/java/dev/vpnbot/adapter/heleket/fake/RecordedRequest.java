package dev.vpnbot.adapter.heleket.fake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request the fake received, as received: the raw body is what the signature was checked against. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                              int responseCode) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
