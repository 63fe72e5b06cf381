package dev.vpnbot.adapter.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts panel secrets (passwords, API tokens) before they reach the database: AES-256-GCM,
 * a fresh random 12-byte nonce for every value, a 128-bit tag, and associated data that ties
 * each ciphertext to the row and column it was made for (so ciphertexts cannot be swapped
 * between servers). Stored form: {@code version(1) || nonce(12) || ciphertext || tag(16)}.
 *
 * <p>The key is exactly 32 random bytes from configuration, written as 64 hex digits or as
 * base64 ({@code openssl rand -base64 32}). Passphrases are refused on purpose: a key derived
 * from a guessable phrase with a fast hash would be guessable too. Nothing here ever puts a
 * key or a plaintext into a message or a log.
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * Reads a key from configuration: 64 hex digits, or base64 (standard or URL-safe) of exactly
     * 32 bytes. The message of a refusal never repeats the text.
     */
    public static byte[] parseKey(String text) {
        Objects.requireNonNull(text, "secret key");
        String trimmed = text.strip();
        if (HEX_KEY.matcher(trimmed).matches()) return HexFormat.of().parseHex(trimmed);
        byte[] decoded = null;
        try {
            decoded = (trimmed.contains("-") || trimmed.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(trimmed);
        } catch (IllegalArgumentException notBase64) {
            // reported below without echoing the text
        }
        if (decoded == null || decoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be 32 random bytes written as 64 hex digits or base64"
                    + " (make one with: openssl rand -base64 32); the value given is neither");
        }
        return decoded;
    }

    /** A new random key in the base64 form {@link #parseKey} reads. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Encrypts {@code plaintext}; {@code context} (e.g. "servers/7/panel_secret") must be given again to open it. */
    public byte[] seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts what {@link #seal} made for the same context; a wrong key, context or a tampered value is refused. */
    public String open(byte[] sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new SecretNotReadable(context, "not a value this version stored");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            String text = new String(plain, StandardCharsets.UTF_8);
            Arrays.fill(plain, (byte) 0);
            return text;
        } catch (AEADBadTagException e) {
            throw new SecretNotReadable(context, "the secret key is not the one it was stored with, or the value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * HMAC-SHA256 of {@code data} under a key derived from ours for {@code purpose} alone, so a
     * value made for one purpose says nothing about the encryption key or another purpose.
     */
    public byte[] mac(String purpose, byte[] data) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(data, "data");
        return hmac(hmac(key.getEncoded(), purpose.getBytes(StandardCharsets.UTF_8)), data);
    }

    private static byte[] hmac(byte[] macKey, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, key=***]";
    }

    /** A stored secret that cannot be decrypted; says which one and why, never its content. */
    public static final class SecretNotReadable extends IllegalStateException {
        SecretNotReadable(String context, String why) {
            super("cannot decrypt " + context + ": " + why);
        }
    }
}
