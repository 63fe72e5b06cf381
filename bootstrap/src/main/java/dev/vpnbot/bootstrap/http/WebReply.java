package dev.vpnbot.bootstrap.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a route handler answers. */
public record WebReply(int status, String contentType, byte[] body, Map<String, String> headers) {
    public WebReply {
        if (status < 100 || status > 599) throw new IllegalArgumentException("not an HTTP status: " + status);
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    /** A status and nothing else: no body, no content type. */
    public static WebReply empty(int status) {
        return new WebReply(status, null, new byte[0], Map.of());
    }

    public static WebReply text(int status, String text) {
        return new WebReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static WebReply json(int status, String json) {
        return new WebReply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static WebReply html(int status, String html) {
        return new WebReply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** 302 to {@code location}; the handler is responsible for only redirecting where it may. */
    public static WebReply redirect(String location) {
        return new WebReply(302, null, new byte[0], Map.of("Location", location));
    }
}
