package dev.vpnbot.application.port.in;

/**
 * A use case said no for a business reason the user can be told about. Nothing was changed.
 * Adapters turn the reason into a message in the user's language.
 */
public class Refusal extends RuntimeException {

    public enum Reason {
        USER_NOT_REGISTERED,
        TARIFF_NOT_AVAILABLE,
        SERVER_NOT_AVAILABLE,
        NO_SERVER_AVAILABLE,
        KEY_NOT_FOUND,
        ORDER_NOT_FOUND,
        ORDER_NOT_PAYABLE,
        PAYMENT_GATEWAY_UNAVAILABLE,
        /** Admin screens and commands: the caller is not in ADMIN_IDS. */
        NOT_ADMIN,
        /** Admin input that does not make sense (a price of "abc", 0 days…); the detail says why. */
        INVALID_INPUT,
        SERVER_HAS_ACTIVE_KEYS,
        BROADCAST_NOT_FOUND,
        USER_NOT_FOUND,
        /** The user already has as many orders waiting for payment as one user may. */
        TOO_MANY_OPEN_ORDERS,
        /** Stars are not offered for this order (not configured, no Stars price, or not for this user yet). */
        STARS_NOT_OFFERED,
        /** No such Stars payment, or nothing left to refund. */
        PAYMENT_NOT_FOUND,
        /** A time zone name the time zone database does not know. */
        UNKNOWN_TIME_ZONE,
        /** Maintenance: new keys are not sold right now; the detail is the operator's message for buyers. */
        SALES_PAUSED,
        /** The user is banned: nothing is sold to or done for them. */
        USER_BANNED,
        /** Promo codes: no such code (or not a code at all). */
        CODE_UNKNOWN,
        CODE_DISABLED,
        CODE_EXPIRED,
        /** The code is not valid for the order's tariff. */
        CODE_WRONG_TARIFF,
        /** Every use of the code has been taken. */
        CODE_EXHAUSTED,
        /** This user has used the code as often as one user may. */
        CODE_USED_UP,
        CODE_NEW_USERS_ONLY,
        /** The order already has a discount and the operator does not allow stacking. */
        CODE_NOT_STACKABLE,
        /** One code per order: the order already carries one. */
        CODE_ALREADY_APPLIED,
        /** The balance does not cover it; the detail names the shortfall. */
        BALANCE_TOO_LOW,
        /** The free trial is switched off. */
        TRIAL_UNAVAILABLE,
        /** One free trial per Telegram account, ever. */
        TRIAL_ALREADY_USED,
        /** The trial's gates: a @username, an account the bot has known long enough, the operator's channel. */
        TRIAL_NEEDS_USERNAME,
        TRIAL_ACCOUNT_TOO_NEW,
        TRIAL_NEEDS_CHANNEL,
        /** A trial key is not extended: the user buys a key of a tariff. */
        TRIAL_KEY_NOT_RENEWABLE,
        /** A traffic pack adds GB to a key's quota: a key without a traffic limit has none to add to. */
        TRAFFIC_PACK_NEEDS_LIMIT,
        /** A traffic pack is for a key in its paid time: an expired key is extended first. */
        TRAFFIC_PACK_KEY_EXPIRED,
        /** A once-per-user tariff (paid micro-trial) the user has bought already. */
        TARIFF_ONCE_PER_USER,
        /** The operator has not switched referrals on. */
        REFERRALS_OFF,
        /** Gift codes: no such gift (or not a code at all, or its payment went back). */
        GIFT_NOT_FOUND,
        /** Someone else opened the gift first (or the buyer took it back). */
        GIFT_TAKEN,
        /** The gift was not opened in time; its buyer may take it back. */
        GIFT_EXPIRED,
        /** A buyer cannot open their own gift (it is for someone else; after its time they may take it back). */
        GIFT_OWN,
        /** The gift cannot be taken back: still valid, already taken, or not the caller's. */
        GIFT_NOT_RECLAIMABLE
    }

    private final Reason reason;

    public Refusal(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
