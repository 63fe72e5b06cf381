package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** METRICS_TOKEN: the page answers only {@code Authorization: Bearer <token>}; anything else gets 401. */
final class BearerToken implements WebHandler {
    private final byte[] expected;
    private final WebHandler page;

    BearerToken(String token, WebHandler page) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.page = page;
    }

    @Override
    public WebReply handle(WebRequest request) {
        byte[] given = request.header("Authorization").orElse("").strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) { // constant time: the token cannot be guessed byte by byte
            return new WebReply(401, "text/plain; charset=utf-8", "a bearer token is required\n".getBytes(StandardCharsets.UTF_8),
                    Map.of("WWW-Authenticate", "Bearer realm=\"metrics\""));
        }
        return page.handle(request);
    }
}
