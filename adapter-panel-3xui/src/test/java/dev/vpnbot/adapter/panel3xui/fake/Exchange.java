package dev.vpnbot.adapter.panel3xui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** One request to the fake panel: its route relative to the base path, its body, and the ways to answer it. */
final class Exchange {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final HttpExchange x;
    private Runnable beforeReply;
    final String method;
    /** The path after the base path ("panel/api/inbounds/list"), or the full path when outside it. */
    final String route;
    final boolean underBase;
    private byte[] raw;
    private JsonNode parsed;
    private boolean parsedDone;

    Exchange(HttpExchange x, String basePath) {
        this.x = x;
        this.method = x.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = x.getRequestURI().getPath();
        this.underBase = path.startsWith(basePath) || (path + "/").equals(basePath);
        this.route = underBase ? (path.length() >= basePath.length() ? path.substring(basePath.length()) : "") : path;
    }

    boolean is(String m) {
        return method.equals(m);
    }

    boolean xhr() {
        return "XMLHttpRequest".equals(header("X-Requested-With"));
    }

    String header(String name) {
        return x.getRequestHeaders().getFirst(name);
    }

    boolean isJson() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    String query(String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

    String cookie(String name) {
        String header = header("Cookie");
        if (header == null) return null;
        for (String part : header.split("[;,]")) { // lenient: the JDK's CookieManager sends RFC 2965 "$Version" style
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) return kv[1].replace("\"", "");
        }
        return null;
    }

    /** The raw body bytes (read once). */
    byte[] raw() {
        if (raw == null) {
            try {
                raw = x.getRequestBody().readAllBytes();
            } catch (IOException e) {
                raw = new byte[0];
            }
        }
        return raw;
    }

    /** The body as JSON; a form body becomes an object of strings; null for other types or unparsable JSON. */
    JsonNode body() {
        if (parsedDone) return parsed;
        parsedDone = true;
        byte[] bytes = raw();
        String type = Optional.ofNullable(header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        try {
            if (type.contains("json")) {
                parsed = bytes.length == 0 ? null : JSON.readTree(bytes);
            } else if (type.contains("x-www-form-urlencoded") || (type.isEmpty() && bytes.length > 0)) {
                ObjectNode form = NODES.objectNode();
                for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                    if (pair.isEmpty()) continue;
                    String[] kv = pair.split("=", 2);
                    form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
                parsed = form;
            } else if (bytes.length == 0) {
                parsed = NODES.objectNode();
            }
        } catch (IOException e) {
            parsed = null;
        }
        return parsed;
    }

    String field(String name) {
        JsonNode b = body();
        return b == null ? "" : b.path(name).asText("");
    }

    // --- answers -------------------------------------------------------------------------------------

    static ObjectNode envelopeNode(boolean success, String msg, JsonNode obj) {
        ObjectNode body = NODES.objectNode(); // entity.Msg: success, msg, obj — always all three keys
        body.put("success", success);
        body.put("msg", msg);
        body.set("obj", obj == null ? NullNode.getInstance() : obj);
        return body;
    }

    /** jsonMsgObj: always HTTP 200. */
    void envelope(boolean success, String msg, JsonNode obj) throws IOException {
        json(200, envelopeNode(success, msg, obj));
    }

    void ok(String msg, JsonNode obj) throws IOException {
        envelope(true, msg, obj);
    }

    void fail(String msg) throws IOException {
        envelope(false, msg, null);
    }

    void json(int status, JsonNode body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(status, JSON.writeValueAsBytes(body));
    }

    /** A bare status with no body, as gin's AbortWithStatus, a 404 route or Recovery's 500. */
    void empty(int code) throws IOException {
        beforeReply();
        x.sendResponseHeaders(code, -1);
    }

    void redirect(int code, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        empty(code);
    }

    void html(String page) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(200, page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs once, just before the first byte of the answer leaves: a write counts as finished
     * there, because the client may send its next request the moment it has the answer.
     */
    void beforeReply(Runnable action) {
        this.beforeReply = action;
    }

    private void beforeReply() {
        Runnable action = beforeReply;
        beforeReply = null;
        if (action != null) action.run();
    }

    private void send(int code, byte[] body) throws IOException {
        beforeReply();
        x.sendResponseHeaders(code, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
