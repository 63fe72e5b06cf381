package dev.vpnbot.adapter.telegram.web;

/** What the subscription endpoint needs to know about its presentation; see {@code SubscriptionSettings}. */
public interface FeedSettings {
    String title();

    int updateIntervalHours();

    /** Null: no support button. */
    String supportUrl();

    /** Null: the bot is not named in announcements. */
    String botUrl();

    /** Null: no announcement while the key is active. */
    String announce();

    int requestsPerMinute();
}
