package dev.vpnbot.application.service.payment;

/**
 * The operator's Stars choices.
 *
 * @param enabled            Stars are offered at all (STARS_ENABLED)
 * @param onlyForPayingUsers Stars only for users who already paid an order with money once (against abuse)
 */
public record StarsSettings(boolean enabled, boolean onlyForPayingUsers) {

    public static StarsSettings off() {
        return new StarsSettings(false, false);
    }
}
