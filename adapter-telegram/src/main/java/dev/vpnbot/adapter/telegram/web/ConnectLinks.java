package dev.vpnbot.adapter.telegram.web;

import dev.vpnbot.adapter.telegram.bot.VpnApp;
import dev.vpnbot.domain.user.Language;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links to our {@code /connect} page that open a VPN app with a user's key. The key's import
 * URL travels in a token signed with HMAC-SHA256, so the page only ever redirects to URLs this
 * bot issued: nobody can make it send a visitor elsewhere.
 *
 * <p>Token: {@code base64url(import URL) "." base64url(first 16 bytes of the MAC)}.
 */
public final class ConnectLinks {
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final String pageUrl;

    /**
     * @param pageUrl    the public address of {@code /connect}; null: no links (no public URL)
     * @param linkSecret the key that signs links; null derives one from the bot token
     */
    public ConnectLinks(String pageUrl, String linkSecret, String botToken) {
        this.pageUrl = pageUrl;
        this.key = linkSecret != null
                ? linkSecret.getBytes(StandardCharsets.UTF_8)
                : hmac(botToken.getBytes(StandardCharsets.UTF_8), "vpnbot connect links".getBytes(StandardCharsets.UTF_8));
    }

    /** Whether one-tap import exists at all: only with a public address for the /connect page. */
    public boolean oneTapImport() {
        return pageUrl != null;
    }

    /** The page link that imports {@code importUrl} into {@code app}; empty without a public URL or one-tap import. */
    public Optional<String> link(VpnApp app, String importUrl, Language language) {
        if (pageUrl == null || !app.hasOneTapImport() || importUrl == null) return Optional.empty();
        return Optional.of(pageUrl + "?app=" + app.code() + "&l=" + language.name().toLowerCase(Locale.ROOT) + "&k=" + token(importUrl));
    }

    String token(String importUrl) {
        byte[] url = importUrl.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(url) + "." + B64.encodeToString(Arrays.copyOf(hmac(key, url), MAC_BYTES));
    }

    /** The import URL a token carries, if we signed it. */
    Optional<String> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) return Optional.empty();
        try {
            byte[] url = B64_DECODE.decode(token.substring(0, dot));
            byte[] mac = B64_DECODE.decode(token.substring(dot + 1));
            byte[] expected = Arrays.copyOf(hmac(key, url), MAC_BYTES);
            if (!MessageDigest.isEqual(expected, mac)) return Optional.empty();
            String decoded = new String(url, StandardCharsets.UTF_8);
            String lower = decoded.toLowerCase(Locale.ROOT);
            boolean ours = lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("vless://");
            return ours ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
