package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Admin use case: a user's Telegram Stars payments (applied, held, refunded) on the user card,
 * and giving one back: the stars return through Telegram and what they bought is taken back.
 * Every call checks its caller is an admin.
 */
public interface StarsRefundUseCase {

    List<StarPayment> starPayments(UserId admin, UserId user);

    /** Refunds one charge; refuses NOT_FOUND for an unknown charge, and PAYMENT_GATEWAY_UNAVAILABLE when Telegram says no. */
    StarPayment refund(UserId admin, String chargeId);
}
