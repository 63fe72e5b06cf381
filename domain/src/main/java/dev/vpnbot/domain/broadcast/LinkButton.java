package dev.vpnbot.domain.broadcast;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one URL button under a broadcast. The address must be an absolute http(s) URL with a host:
 * Telegram refuses anything else in a URL button, and a refused button would fail every message
 * of the broadcast, so it is checked when the admin writes it.
 */
public record LinkButton(String label, String url) {
    public static final int MAX_LABEL = 64;
    public static final int MAX_URL = 2048;

    public LinkButton {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
        label = label.strip();
        url = url.strip();
        if (label.isEmpty()) throw new IllegalArgumentException("the button needs a label");
        if (label.length() > MAX_LABEL) throw new IllegalArgumentException("a button label is at most " + MAX_LABEL + " characters");
        if (url.length() > MAX_URL) throw new IllegalArgumentException("a button address is at most " + MAX_URL + " characters");
        if (!isWebAddress(url)) throw new IllegalArgumentException("the button address must be an http:// or https:// link with a host");
    }

    /** An absolute http or https URL with a host and no spaces or control characters. */
    public static boolean isWebAddress(String url) {
        if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) return false;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
