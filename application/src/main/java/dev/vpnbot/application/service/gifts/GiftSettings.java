package dev.vpnbot.application.service.gifts;

import java.time.Duration;

/** Operator choices for gifts: how long an unopened gift stays valid (GIFT_VALID_DAYS). */
public record GiftSettings(int validDays) {
    public GiftSettings {
        if (validDays < 1 || validDays > 3650) throw new IllegalArgumentException("GIFT_VALID_DAYS must be 1..3650: " + validDays);
    }

    public static GiftSettings defaults() {
        return new GiftSettings(30);
    }

    public Duration validity() {
        return Duration.ofDays(validDays);
    }
}
