package dev.vpnbot.application.service.ordering;

import java.security.SecureRandom;

/** Short random strings for public order ids and subscription ids: [a-z0-9], unguessable. */
public class Nonces {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final int length;

    public Nonces(int length) {
        if (length < 6) throw new IllegalArgumentException("nonce too short to be unguessable");
        this.length = length;
    }

    public Nonces() {
        this(10);
    }

    public String next() {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
