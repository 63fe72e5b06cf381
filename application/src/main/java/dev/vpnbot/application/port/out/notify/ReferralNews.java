package dev.vpnbot.application.port.out.notify;

/**
 * Outgoing port: news to a referrer about their rewards. Implementations must not throw: a
 * message that cannot be sent is logged (the reward stays on the "Invite friends" screen).
 */
@FunctionalInterface
public interface ReferralNews {

    /** A friend's first paid order earned the referrer this personal code, percent off their next order. */
    void discountEarned(Recipient referrer, String code, int percent);
}
