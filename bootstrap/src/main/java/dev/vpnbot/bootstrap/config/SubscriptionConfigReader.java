package dev.vpnbot.bootstrap.config;

import java.net.URI;

/** Reads the subscription page settings (title, update interval, links, announce, rate limit) for {@link ConfigReader}. */
final class SubscriptionConfigReader {
    private SubscriptionConfigReader() {
    }

    static SubscriptionConfig read(ConfigReader in) {
        String title = in.vars.get("SUBSCRIPTION_TITLE").map(String::strip).orElse(SubscriptionConfig.DEFAULT_TITLE);
        if (title.length() > 64) {
            in.problems.add("SUBSCRIPTION_TITLE is " + title.length() + " characters: apps show about 30, 64 at most are accepted");
        }
        int hours = in.parse("SUBSCRIPTION_UPDATE_HOURS", v -> boundedInt(v, 1, 168, "a whole number of hours, 1 to 168"))
                .orElse(SubscriptionConfig.DEFAULT_UPDATE_HOURS);
        URI support = in.parse("SUPPORT_URL", ConfigReader::httpUrl).orElse(null);
        URI bot = in.parse("BOT_URL", ConfigReader::httpUrl).orElse(null);
        String announce = in.vars.get("SUBSCRIPTION_ANNOUNCE").map(String::strip).orElse(null);
        if (announce != null && announce.length() > 200) {
            in.problems.add("SUBSCRIPTION_ANNOUNCE is " + announce.length() + " characters: Happ shows at most 200");
        }
        int rate = in.parse("SUBSCRIPTION_RATE_LIMIT", v -> boundedInt(v, 1, 1_000_000, "requests per minute and address, 1 or more"))
                .orElse(SubscriptionConfig.DEFAULT_REQUESTS_PER_MINUTE);
        return new SubscriptionConfig(title.isEmpty() ? SubscriptionConfig.DEFAULT_TITLE : title, hours, support, bot, announce, rate);
    }

    private static int boundedInt(String value, int min, int max, String what) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be " + what);
    }
}
