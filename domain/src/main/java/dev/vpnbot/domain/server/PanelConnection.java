package dev.vpnbot.domain.server;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to reach one 3x-ui panel.
 *
 * @param baseUrl     scheme, host, port and the panel's secret web base path, always ending in '/'
 *                    (every route hangs off the base path; without it the panel answers 404)
 * @param credentials password or API token
 * @param tlsPin      SHA-256 of the panel's certificate or public key (64 hex digits), or null to
 *                    trust the system's CAs; there is never a trust-all mode
 */
public record PanelConnection(String baseUrl, PanelCredentials credentials, String tlsPin) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public PanelConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        baseUrl = normalise(baseUrl);
        if (tlsPin != null) {
            tlsPin = tlsPin.replace(":", "").trim().toLowerCase(Locale.ROOT);
            if (tlsPin.isEmpty()) {
                tlsPin = null;
            } else if (!SHA256_HEX.matcher(tlsPin).matches()) {
                throw new IllegalArgumentException("TLS pin must be a SHA-256 in hex (64 digits), got '" + tlsPin + "'");
            }
        }
    }

    private static String normalise(String url) {
        String trimmed = url.trim();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("panel URL is not a URL: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("panel URL must start with http:// or https://, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("panel URL has no host: '" + url + "'");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("panel URL must not carry a query or fragment: '" + url + "'");
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    public boolean isHttps() {
        return baseUrl.regionMatches(true, 0, "https:", 0, 6);
    }

    public PanelConnection withTlsPin(String pin) {
        return new PanelConnection(baseUrl, credentials, pin);
    }

    public PanelConnection withCredentials(PanelCredentials newCredentials) {
        return new PanelConnection(baseUrl, newCredentials, tlsPin);
    }
}
