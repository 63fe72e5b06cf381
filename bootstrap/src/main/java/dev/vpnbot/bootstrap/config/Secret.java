package dev.vpnbot.bootstrap.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A configuration value that must never reach a log: tokens, passwords, keys. Its
 * {@code toString()} is a fixed mask, so a record that holds one can be printed safely.
 */
public final class Secret {
    private static final String MASK = "***";
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) throw new IllegalArgumentException("a secret cannot be empty");
        return new Secret(value);
    }

    /** The value itself; call it only where the secret is handed to the system that needs it. */
    public String reveal() {
        return value;
    }

    /** Constant-time comparison, for checking a secret someone presents (a webhook token). */
    public boolean matches(String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash would leak something about the value; secrets are never map keys
    }

    @Override
    public String toString() {
        return MASK;
    }
}
