package dev.vpnbot.domain.broadcast;

/** Who a broadcast goes to. Users who blocked the bot, and banned users, are never included. */
public enum Audience {
    ALL,
    /** Users with at least one key that has not expired. */
    WITH_ACTIVE_KEY,
    /** Users who had keys, all of which have expired. */
    WITH_EXPIRED_KEY,
    /** Users who never paid money for an order (admin grants and zero-amount orders are not paying). */
    NEVER_PAID,
    /**
     * Users who have had only free keys: at least one order fulfilled without money (there is no
     * separate trial yet; a free key is an admin grant, or an order paid zero) and none paid.
     */
    TRIAL_ONLY,
    /** Users with a working key that runs out within the broadcast's number of days. */
    EXPIRING_SOON;

    /** The longest "expiring within" window an admin may choose. */
    public static final int MAX_DAYS = 365;

    /** Whether the audience needs a number of days ({@link #EXPIRING_SOON}). */
    public boolean takesDays() {
        return this == EXPIRING_SOON;
    }
}
