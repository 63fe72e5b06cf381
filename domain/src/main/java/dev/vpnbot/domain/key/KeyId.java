package dev.vpnbot.domain.key;

public record KeyId(long value) {
    public KeyId {
        if (value <= 0) throw new IllegalArgumentException("key id must be positive: " + value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
