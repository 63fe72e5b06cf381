package dev.vpnbot.adapter.heleket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Heleket's signature: lower-case hex of MD5(Base64(bytes) followed by the API key). The same
 * recipe signs our requests (over the exact bytes sent) and Heleket's webhooks (over the
 * PHP re-encoding of the body without its {@code sign}).
 */
final class HeleketSign {
    private HeleketSign() {}

    static String of(byte[] signedBytes, String apiKey) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
        md5.update(Base64.getEncoder().encode(signedBytes)); // standard alphabet, '=' padding, ASCII
        md5.update(apiKey.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Constant-time comparison, so a forger learns nothing from how fast we say no. */
    static boolean matches(byte[] signedBytes, String apiKey, String claimedSign) {
        if (claimedSign == null) return false;
        byte[] expected = of(signedBytes, apiKey).getBytes(StandardCharsets.US_ASCII);
        byte[] claimed = claimedSign.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, claimed);
    }
}
