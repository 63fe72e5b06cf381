package dev.vpnbot.bootstrap.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's own HTTP server and how the world reaches it.
 *
 * @param port            0 picks a free port (tests)
 * @param publicUrl       https address of this server as the internet sees it (behind nginx), no
 *                        trailing slash; null when nothing outside has to call us
 * @param trustedProxies  peers whose X-Forwarded-For is believed (the local nginx)
 */
public record HttpConfig(int port, URI publicUrl, IpRanges trustedProxies) {
    public static final int DEFAULT_PORT = 8080;

    public HttpConfig {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535: " + port);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Where the world reaches {@code path} of this server ("/webhooks/heleket"), when PUBLIC_URL is set. */
    public Optional<URI> publicAddress(String path) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with /: " + path);
        return Optional.ofNullable(publicUrl).map(base -> URI.create(base + path));
    }
}
