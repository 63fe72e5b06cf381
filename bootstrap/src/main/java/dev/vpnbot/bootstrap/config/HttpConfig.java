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
 * @param bind            the local address the server listens on: loopback unless the operator opens it
 * @param metricsToken    when set, {@code /metrics} answers only {@code Authorization: Bearer <token>}
 */
public record HttpConfig(int port, URI publicUrl, IpRanges trustedProxies, String bind, Secret metricsToken) {
    public static final int DEFAULT_PORT = 8080;
    /** Only this machine (nginx in front) reaches the bot unless HTTP_BIND says otherwise. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    public HttpConfig {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535: " + port);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(bind, "bind");
    }

    /** Loopback, /metrics open: as before HTTP_BIND and METRICS_TOKEN existed. */
    public HttpConfig(int port, URI publicUrl, IpRanges trustedProxies) {
        this(port, publicUrl, trustedProxies, DEFAULT_BIND, null);
    }

    /** Where the world reaches {@code path} of this server ("/webhooks/heleket"), when PUBLIC_URL is set. */
    public Optional<URI> publicAddress(String path) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with /: " + path);
        return Optional.ofNullable(publicUrl).map(base -> URI.create(base + path));
    }
}
