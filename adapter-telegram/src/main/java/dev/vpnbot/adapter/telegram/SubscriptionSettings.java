package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.web.FeedSettings;
import java.util.Objects;

/**
 * How {@code /sub/<token>} presents itself to VPN apps.
 *
 * @param title                 the profile's name in the apps (the locations are added after it)
 * @param updateIntervalHours   how often apps fetch the subscription again ({@code Profile-Update-Interval})
 * @param supportUrl            where the apps' "support" button leads; null: no button
 * @param botUrl                the bot (https://t.me/…), named in the announcement of an expired key; null: not named
 * @param announce              a line shown by apps that read {@code Announce} (Happ) while the key is active; null: none
 * @param requestsPerMinute     per client IP address; more are answered 429
 */
public record SubscriptionSettings(String title, int updateIntervalHours, String supportUrl, String botUrl, String announce,
                                   int requestsPerMinute) implements FeedSettings {
    public static final String DEFAULT_TITLE = "VPN";
    public static final int DEFAULT_UPDATE_HOURS = 12;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

    public SubscriptionSettings {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) throw new IllegalArgumentException("the subscription title cannot be blank");
        if (updateIntervalHours < 1 || updateIntervalHours > 24 * 7) {
            throw new IllegalArgumentException("the update interval must be 1..168 hours: " + updateIntervalHours);
        }
        if (requestsPerMinute < 1) throw new IllegalArgumentException("requests per minute must be positive: " + requestsPerMinute);
        supportUrl = blankToNull(supportUrl);
        botUrl = blankToNull(botUrl);
        announce = blankToNull(announce);
    }

    public static SubscriptionSettings defaults() {
        return new SubscriptionSettings(DEFAULT_TITLE, DEFAULT_UPDATE_HOURS, null, null, null, DEFAULT_REQUESTS_PER_MINUTE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
