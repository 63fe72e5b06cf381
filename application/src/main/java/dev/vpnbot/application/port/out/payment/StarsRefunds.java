package dev.vpnbot.application.port.out.payment;

import dev.vpnbot.domain.user.UserId;

/** Outgoing port: gives a Stars payment back through Telegram ({@code refundStarPayment}). */
public interface StarsRefunds {

    /**
     * Returns the stars of one charge to its payer. A charge Telegram reports as refunded already
     * counts as done. Throws {@link PaymentGatewayException} when Telegram refuses or cannot be reached.
     */
    void refund(UserId payer, String chargeId);
}
