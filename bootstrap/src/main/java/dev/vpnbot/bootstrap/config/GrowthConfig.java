package dev.vpnbot.bootstrap.config;

import java.time.Duration;

/**
 * The free trial and the referral programme (docs/GROWTH.md); both off unless switched on.
 *
 * @param trialMinAccountAge how long the bot must have known an account before its trial; zero: no gate
 * @param trialChannel       @channel (or numeric id) a user must be in for the trial; null: no gate
 * @param trialTrafficGb     the trial key's traffic in GiB (3x-ui's totalGB, in bytes on the wire); 0: unlimited
 * @param botUsername        the bot's @username, for the invitation links; null when referrals are off
 * @param referralDiscountPercent the referral reward is a personal code of this percent off instead of days; 0: days
 */
public record GrowthConfig(boolean trialEnabled, int trialDays, int trialLimitIp, int trialTrafficGb, boolean trialRequireUsername,
                           Duration trialMinAccountAge, String trialChannel,
                           boolean referralEnabled, int referralRewardDays, String botUsername, int referralDiscountPercent) {
    public static final int DEFAULT_TRIAL_DAYS = 1;
    public static final int DEFAULT_TRIAL_LIMIT_IP = 1;
    public static final int DEFAULT_REFERRAL_REWARD_DAYS = 7;
    public static final int DEFAULT_REFERRAL_DISCOUNT_PERCENT = 10;

    /** The days reward. */
    public GrowthConfig(boolean trialEnabled, int trialDays, int trialLimitIp, int trialTrafficGb, boolean trialRequireUsername,
                        Duration trialMinAccountAge, String trialChannel, boolean referralEnabled, int referralRewardDays, String botUsername) {
        this(trialEnabled, trialDays, trialLimitIp, trialTrafficGb, trialRequireUsername, trialMinAccountAge, trialChannel,
                referralEnabled, referralRewardDays, botUsername, 0);
    }

    public static GrowthConfig off() {
        return new GrowthConfig(false, DEFAULT_TRIAL_DAYS, DEFAULT_TRIAL_LIMIT_IP, 0, false, Duration.ZERO, null,
                false, DEFAULT_REFERRAL_REWARD_DAYS, null);
    }

    public long trialTotalBytes() {
        return trialTrafficGb * 1024L * 1024L * 1024L;
    }
}
