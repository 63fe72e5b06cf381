package dev.vpnbot.domain.tariff;

public record TariffId(long value) {
    public TariffId {
        if (value <= 0) throw new IllegalArgumentException("tariff id must be positive: " + value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
