package dev.vpnbot.domain.server;

public record ServerId(long value) {
    public ServerId {
        if (value <= 0) throw new IllegalArgumentException("server id must be positive: " + value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
