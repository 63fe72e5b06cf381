package dev.vpnbot.domain.order;

public record OrderId(long value) {
    public OrderId {
        if (value <= 0) throw new IllegalArgumentException("order id must be positive: " + value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
