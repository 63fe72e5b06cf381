package dev.vpnbot.adapter.telegram.bot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The VPN apps we recommend and how each imports a subscription in one tap (templates from
 * peers.md §4.4). This enum is the allowlist of {@code /connect}: it redirects to these
 * schemes only, built here from a link we signed, never to a URL taken from the request.
 */
public enum VpnApp {
    HAPP("happ", "Happ", url -> "happ://add/" + url),
    V2RAYTUN("v2raytun", "V2RayTun", url -> "v2raytun://import/" + url),
    HIDDIFY("hiddify", "Hiddify", url -> "hiddify://import/" + url),
    V2RAYNG("v2rayng", "v2rayNG", url -> "v2rayng://install-config?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)),
    STREISAND("streisand", "Streisand", url -> "streisand://import/" + url),
    /** Imports from the clipboard or a QR code only. */
    V2RAYN("v2rayn", "v2rayN", null);

    private final String code;
    private final String displayName;
    private final UnaryOperator<String> importTemplate;

    VpnApp(String code, String displayName, UnaryOperator<String> importTemplate) {
        this.code = code;
        this.displayName = displayName;
        this.importTemplate = importTemplate;
    }

    /** How {@code /connect} links name the app. */
    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public boolean hasOneTapImport() {
        return importTemplate != null;
    }

    /** The app link for a subscription (or vless) URL; characters a Location header cannot carry are escaped. */
    public String importLink(String url) {
        if (importTemplate == null) throw new IllegalStateException(displayName + " has no import link");
        return asciiOnly(importTemplate.apply(url));
    }

    public static Optional<VpnApp> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code) && a.hasOneTapImport()).findFirst();
    }

    private static String asciiOnly(String link) {
        StringBuilder out = new StringBuilder(link.length());
        for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\') out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }
}
