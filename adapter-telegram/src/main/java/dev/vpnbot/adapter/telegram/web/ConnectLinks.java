package dev.vpnbot.adapter.telegram.web;

import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.user.Language;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links to our {@code /connect} page that open a VPN app with a user's key. The key's import
 * URL (the subscription URL: whoever has it has the key) travels sealed, AES-256-GCM with a key
 * of this bot: the link is an opaque token that shows nothing of the URL to a browser history,
 * a proxy's log or a shoulder, the page only ever redirects to URLs this bot issued (nobody can
 * make it send a visitor elsewhere), and each link expires after {@link #LIFETIME}.
 *
 * <p>Token: {@code base64url(nonce(12) || AES-GCM(expiry epoch seconds(8) || import URL))}.
 * Links of the earlier format (the URL in plain base64 and a MAC) are refused like any invalid
 * link: the page tells the user to ask the bot for a fresh one.
 */
public final class ConnectLinks {
    static final int MAX_TOKEN_LENGTH = 4096;
    /** Long enough to tap the link from the "key ready" message; "How to connect" makes a fresh one any time. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    private static final int NONCE_BYTES = 12;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token turned out to be. */
    public sealed interface Opened {
        record Valid(String importUrl) implements Opened {}

        record Expired() implements Opened {}

        record Invalid() implements Opened {}
    }

    private final SecretKeySpec key;
    private final String pageUrl;
    private final Clock clock;

    /**
     * @param pageUrl    the public address of {@code /connect}; null: no links (no public URL)
     * @param linkSecret the key that seals links; null derives one from the bot token
     */
    public ConnectLinks(String pageUrl, String linkSecret, String botToken) {
        this(pageUrl, linkSecret, botToken, Clock.systemUTC());
    }

    public ConnectLinks(String pageUrl, String linkSecret, String botToken, Clock clock) {
        this.pageUrl = pageUrl;
        this.clock = clock;
        byte[] material = linkSecret != null ? linkSecret.getBytes(StandardCharsets.UTF_8) : botToken.getBytes(StandardCharsets.UTF_8);
        // 32 bytes for AES-256, bound to this purpose: the same secret never keys anything else the same way
        this.key = new SecretKeySpec(hmac(material, "vpnbot connect links v2".getBytes(StandardCharsets.UTF_8)), "AES");
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
        byte[] plain = ByteBuffer.allocate(Long.BYTES + url.length).putLong(clock.instant().plus(LIFETIME).getEpochSecond()).put(url).array();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, plain);
        return B64.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** The import URL a token carries, if we sealed it and it has not expired. */
    Opened open(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || token.indexOf('.') >= 0) return new Opened.Invalid();
        try {
            byte[] raw = B64_DECODE.decode(token);
            if (raw.length <= NONCE_BYTES + Long.BYTES) return new Opened.Invalid();
            byte[] nonce = java.util.Arrays.copyOf(raw, NONCE_BYTES);
            ByteBuffer plain = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, nonce, java.util.Arrays.copyOfRange(raw, NONCE_BYTES, raw.length)));
            Instant expires = Instant.ofEpochSecond(plain.getLong());
            String url = StandardCharsets.UTF_8.decode(plain).toString();
            if (!clock.instant().isBefore(expires)) return new Opened.Expired();
            String lower = url.toLowerCase(Locale.ROOT);
            boolean ours = lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("vless://");
            return ours ? new Opened.Valid(url) : new Opened.Invalid();
        } catch (IllegalArgumentException e) {
            return new Opened.Invalid();
        }
    }

    /** @throws IllegalArgumentException when the ciphertext is not ours (wrong key, altered, truncated) */
    private byte[] cipher(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(mode, key, new GCMParameterSpec(128, nonce));
            return aes.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("not sealed by this bot");
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) throw new IllegalArgumentException("unreadable token");
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
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
