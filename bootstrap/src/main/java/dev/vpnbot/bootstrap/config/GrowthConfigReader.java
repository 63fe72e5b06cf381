package dev.vpnbot.bootstrap.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Reads the trial and referral settings for {@link ConfigReader}. */
final class GrowthConfigReader {
    private static final Pattern CHANNEL = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}|-100[0-9]{6,15}");
    private static final Pattern USERNAME = Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{3,31}");

    private GrowthConfigReader() {
    }

    static GrowthConfig read(ConfigReader in) {
        boolean trial = in.parse("TRIAL_ENABLED", ConfigReader::bool).orElse(false);
        int days = in.parse("TRIAL_DAYS", v -> number(v, 1, 365)).orElse(GrowthConfig.DEFAULT_TRIAL_DAYS);
        int limitIp = in.parse("TRIAL_LIMIT_IP", v -> number(v, 0, 100)).orElse(GrowthConfig.DEFAULT_TRIAL_LIMIT_IP);
        int trafficGb = in.parse("TRIAL_TRAFFIC_GB", v -> number(v, 0, 100_000)).orElse(0);
        boolean username = in.parse("TRIAL_REQUIRE_USERNAME", ConfigReader::bool).orElse(false);
        Duration age = in.parse("TRIAL_MIN_ACCOUNT_AGE", GrowthConfigReader::age).orElse(Duration.ZERO);
        String channel = in.parse("TRIAL_CHANNEL", v -> matching(v.strip(), CHANNEL, "a @channel name or a -100… channel id")).orElse(null);
        boolean referral = in.parse("REFERRAL_ENABLED", ConfigReader::bool).orElse(false);
        int rewardDays = in.parse("REFERRAL_REWARD_DAYS", v -> number(v, 1, 365)).orElse(GrowthConfig.DEFAULT_REFERRAL_REWARD_DAYS);
        boolean discount = in.parse("REFERRAL_REWARD", GrowthConfigReader::rewardKind).orElse(false);
        int percent = in.parse("REFERRAL_DISCOUNT_PERCENT", v -> number(v, 1, 100)).orElse(GrowthConfig.DEFAULT_REFERRAL_DISCOUNT_PERCENT);
        String bot = in.parse("BOT_USERNAME", v -> matching(v.strip(), USERNAME, "the bot's @username")).orElse(null);
        if (referral && bot == null) {
            in.problems.add("REFERRAL_ENABLED: the invitation links need BOT_USERNAME (the bot's @username, as @BotFather shows it)");
        }
        return new GrowthConfig(trial, days, limitIp, trafficGb, username, age, channel, referral, rewardDays,
                bot == null ? null : bot.replaceFirst("^@", ""), discount ? percent : 0);
    }

    /** True for a discount, false for days. */
    private static boolean rewardKind(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "days" -> false;
            case "discount" -> true;
            default -> throw new IllegalArgumentException("must be days or discount, got " + value);
        };
    }

    private static int number(String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number between " + min + " and " + max + ", got " + value);
        }
        if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + value);
        return n;
    }

    private static Duration age(String value) {
        Duration d = DurationText.parse(value);
        if (d.compareTo(Duration.ofDays(365)) > 0) throw new IllegalArgumentException("must be at most 365d, got " + value);
        return d;
    }

    private static String matching(String value, Pattern pattern, String what) {
        if (!pattern.matcher(value).matches()) throw new IllegalArgumentException("'" + value + "' is not " + what);
        return value;
    }
}
