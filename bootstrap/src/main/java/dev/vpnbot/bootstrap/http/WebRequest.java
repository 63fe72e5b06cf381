package dev.vpnbot.bootstrap.http;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as route handlers see it, free of any server library, already checked
 * against its route's method and body limit: a route's Guice provider maps this onto the
 * adapter's plain method and that method's answer onto a {@link WebReply}.
 *
 * @param headers header names in lower case
 * @param body    the whole body, never more than the route allows
 * @param peer    the address the TCP connection came from (the proxy, when behind nginx)
 * @param client  who sent the request, resolved once by the server ({@link TrustedProxies}); empty
 *                when a trusted proxy forwarded something that is not an address
 */
public record WebRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                         byte[] body, InetAddress peer, Optional<InetAddress> client) {
    public WebRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(client, "client");
    }

    /** A request with no proxy in between: the client is the peer. */
    public WebRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, InetAddress peer) {
        this(method, path, rawQuery, headers, body, peer, Optional.of(peer));
    }

    /** The first value of a header, any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter, URL-decoded. */
    public Optional<String> queryParameter(String name) {
        if (rawQuery == null) return Optional.empty();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
