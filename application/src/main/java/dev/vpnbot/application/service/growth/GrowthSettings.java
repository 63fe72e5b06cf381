package dev.vpnbot.application.service.growth;

import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.trial.TrialPolicy;
import java.util.Objects;

/**
 * The operator's growth settings (docs/GROWTH.md).
 *
 * @param trial          the free trial (off by default)
 * @param referralReward what a referrer gets for each invited user's first paid order; null: referrals are off
 * @param botUsername    the bot's @username without '@', for the start links; null: no links to show
 */
public record GrowthSettings(TrialPolicy trial, ReferralReward referralReward, String botUsername) {
    public GrowthSettings {
        Objects.requireNonNull(trial, "trial");
        botUsername = botUsername == null || botUsername.isBlank() ? null : botUsername.strip().replaceFirst("^@", "");
    }

    /** Trial off, referrals off. */
    public static GrowthSettings off() {
        return new GrowthSettings(TrialPolicy.off(), null, null);
    }

    public boolean referralsOn() {
        return referralReward != null && botUsername != null;
    }
}
