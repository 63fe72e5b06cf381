package dev.vpnbot.domain.order;

/**
 * How an order was paid. Only {@link #CRYPTO} and {@link #STARS} bring revenue: test payments
 * and admin grants move no money, and Stars are counted in stars, never added to fiat.
 */
public enum PaymentMethod {
    /** The crypto gateway (Heleket): the amount paid is fiat money. */
    CRYPTO,
    /** Telegram Stars: the order records its fiat price; the stars are in the Stars ledger. */
    STARS,
    /** "Pay (test)" in payment test mode. */
    TEST,
    /** An admin gave the time away. */
    GRANT,
    /** The user's balance (docs/BALANCE.md): the money was counted when it was deposited. */
    BALANCE;

    public boolean bringsRevenue() {
        return this == CRYPTO || this == STARS;
    }
}
