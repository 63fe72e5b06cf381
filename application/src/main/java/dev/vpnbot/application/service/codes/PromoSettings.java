package dev.vpnbot.application.service.codes;

/**
 * Operator choices for promo codes.
 *
 * @param stacking a code may be used on an order that already carries another discount (PROMO_STACKING)
 */
public record PromoSettings(boolean stacking) {
    public static PromoSettings defaults() {
        return new PromoSettings(false);
    }
}
