package dev.vpnbot.domain.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A VPN app we recommend on one platform: where to get it and, when it has one, how it imports a
 * subscription in one tap. Apps are data: an admin adds, edits, switches off (an app pulled from
 * a store) and picks the default (shown first and named in the steps) without a release.
 *
 * @param code     how {@code /connect} links name the app ("happ"); the same app keeps its code on every platform
 * @param template null: the app imports from the clipboard or a QR code only
 * @param position the order on its platform, from 1
 */
public record VpnApp(AppPlatform platform, String code, String name, String storeUrl, ImportTemplate template, int position,
                     boolean enabled, boolean isDefault) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    public static final int MAX_NAME = 64;

    public VpnApp {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storeUrl, "storeUrl");
        name = name.strip();
        storeUrl = storeUrl.strip();
        if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("an app code is 1–32 lower-case letters, digits, - or _");
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an app name is 1–" + MAX_NAME + " characters on one line");
        }
        if (!isStoreLink(storeUrl)) throw new IllegalArgumentException("a store link is an https:// address with a host");
        if (position < 1) throw new IllegalArgumentException("positions start at 1");
        if (isDefault && !enabled) throw new IllegalArgumentException("a switched-off app cannot be the default");
    }

    public boolean hasOneTapImport() {
        return template != null;
    }

    /** The app's own import link for a subscription URL. */
    public String importLink(String url) {
        if (template == null) throw new IllegalStateException(name + " has no import link");
        return template.render(url);
    }

    /** Switched on or off; switching off also ends being the default. */
    public VpnApp withEnabled(boolean on) {
        return new VpnApp(platform, code, name, storeUrl, template, position, on, on && isDefault);
    }

    public VpnApp withDefault(boolean asDefault) {
        return new VpnApp(platform, code, name, storeUrl, template, position, enabled, asDefault);
    }

    public VpnApp edited(String newName, String newStoreUrl, ImportTemplate newTemplate) {
        return new VpnApp(platform, code, newName, newStoreUrl, newTemplate, position, enabled, isDefault);
    }

    /** An https URL with a host and nothing a link cannot carry. */
    public static boolean isStoreLink(String url) {
        if (url == null || url.length() > 2048 || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) return false;
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
