package dev.vpnbot.domain.broadcast;

/** Who a broadcast goes to. Users who blocked the bot are never included. */
public enum Audience {
    ALL,
    /** Users with at least one key that has not expired. */
    WITH_ACTIVE_KEY,
    /** Users who had keys, all of which have expired. */
    WITH_EXPIRED_KEY
}
