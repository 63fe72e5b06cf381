package dev.vpnbot.bootstrap.config;

import java.net.URI;
import java.util.Objects;

/**
 * How the bot's own subscription link ({@code /sub/<token>}) presents itself to VPN apps.
 *
 * @param title               SUBSCRIPTION_TITLE: the profile's name in the apps (locations are added after it)
 * @param updateIntervalHours SUBSCRIPTION_UPDATE_HOURS: how often apps fetch the list again
 * @param supportUrl          SUPPORT_URL: the apps' support button; null: none
 * @param botUrl              BOT_URL: the bot's t.me address, named when a key expired; null: not named
 * @param announce            SUBSCRIPTION_ANNOUNCE: a line apps such as Happ show while the key is active; null: none
 * @param requestsPerMinute   SUBSCRIPTION_RATE_LIMIT: fetches per client address and minute
 */
public record SubscriptionConfig(String title, int updateIntervalHours, URI supportUrl, URI botUrl, String announce,
                                 int requestsPerMinute) {
    public static final String DEFAULT_TITLE = "VPN";
    public static final int DEFAULT_UPDATE_HOURS = 12;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

    public SubscriptionConfig {
        Objects.requireNonNull(title, "title");
        if (updateIntervalHours < 1 || updateIntervalHours > 168) throw new IllegalArgumentException("update interval 1..168 h");
        if (requestsPerMinute < 1) throw new IllegalArgumentException("requests per minute must be positive");
    }

    public static SubscriptionConfig defaults() {
        return new SubscriptionConfig(DEFAULT_TITLE, DEFAULT_UPDATE_HOURS, null, null, null, DEFAULT_REQUESTS_PER_MINUTE);
    }
}
