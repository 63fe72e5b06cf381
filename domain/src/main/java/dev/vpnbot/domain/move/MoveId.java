package dev.vpnbot.domain.move;

public record MoveId(long value) {
    public MoveId {
        if (value <= 0) throw new IllegalArgumentException("move id must be positive: " + value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
