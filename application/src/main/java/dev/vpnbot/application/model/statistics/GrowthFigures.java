package dev.vpnbot.application.model.statistics;

import java.util.Objects;

/** Trials and referrals, all time, for the admin's statistics and {@code vpnbot stats}. */
public record GrowthFigures(long trialsStarted, long trialsConverted, ReferralFigures referrals) {
    public GrowthFigures {
        Objects.requireNonNull(referrals, "referrals");
    }

    /** Trial → paid conversion in whole percent; 0 without trials. */
    public long conversionPercent() {
        return trialsStarted == 0 ? 0 : trialsConverted * 100 / trialsStarted;
    }
}
