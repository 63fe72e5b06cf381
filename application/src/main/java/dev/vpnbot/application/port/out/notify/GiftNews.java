package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.domain.gift.Gift;

/**
 * Outgoing port: messages about gifts to their buyers. Implementations build the start link
 * (they know the bot's name) and must not throw: a message that cannot be sent is logged.
 */
public interface GiftNews {

    /** The gift was paid: here is its link to pass on. */
    void giftReady(Recipient buyer, Gift gift);

    /** Someone opened the gift (sent once, by the one who took it). */
    void giftRedeemed(Recipient buyer, Gift gift);

    /** The gift's payment went back: the link no longer works. */
    void giftVoided(Recipient buyer, Gift gift);
}
