package dev.vpnbot.adapter.heleket.fake;

/** Ways to spoil (or merely vary) a webhook for negative tests (reference §7.4). */
public enum WebhookTwist {
    /** Signed with a key that is not the merchant's: must be refused. */
    WRONG_KEY,
    /** Signed, then its status changed to "paid": must be refused. */
    TAMPERED_STATUS,
    /** Signed, then its amount changed: must be refused. */
    TAMPERED_AMOUNT,
    /** No "sign" member at all: must be refused. */
    SIGN_MISSING,
    /** The sign in upper-case hex: still Heleket's, must be accepted. */
    SIGN_UPPER_CASE,
    /** Signed in one member order, delivered in another: must be refused. */
    KEYS_SHUFFLED_AFTER_SIGNING,
    /** Members in an unusual order, signed in that order: must be accepted. */
    REORDERED_AND_SIGNED,
    /** Non-ASCII written as \\uXXXX in the delivered body (PHP's default flags): must be accepted. */
    UNICODE_ESCAPED,
    /** Slashes left raw in the delivered body (the sign is over the escaped form): must be accepted. */
    SLASHES_UNESCAPED
}
