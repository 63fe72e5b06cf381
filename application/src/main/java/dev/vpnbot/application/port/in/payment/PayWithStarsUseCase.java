package dev.vpnbot.application.port.in.payment;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: paying an order with Telegram Stars. The buyer gets an invoice for the order's Stars
 * price (fixed when the order was placed), Telegram asks before taking the stars (pre-checkout),
 * and the payment it reports is applied once per charge through the same path as every payment.
 */
public interface PayWithStarsUseCase {

    /** What the Stars invoice says: the order it pays (its public id is the payload), the stars and the days. */
    record StarsInvoice(OrderId orderId, PublicOrderId payload, Stars stars, int days) {}

    /** Telegram's pre-checkout question: may this user pay this amount for this payload now? */
    record Checkout(UserId payer, String payload, String currency, long amount) {
        public Checkout {
            Objects.requireNonNull(payer, "payer");
            payload = payload == null ? "" : payload;
            currency = currency == null ? "" : currency;
        }
    }

    /** Telegram's successful_payment (or refunded_payment), as it came. */
    record Charge(UserId payer, String payload, String currency, long amount, String chargeId, String raw) {
        public Charge {
            Objects.requireNonNull(payer, "payer");
            Objects.requireNonNull(chargeId, "chargeId");
            payload = payload == null ? "" : payload;
            currency = currency == null ? "" : currency;
            raw = raw == null ? "" : raw;
        }
    }

    /** Why a pre-checkout is declined, for a reason in the buyer's language. */
    enum Decline { ORDER_NOT_FOUND, ORDER_NOT_PAYABLE, WRONG_AMOUNT }

    /** Whether Stars are offered to this user for this order (the methods the operator configured, the "paid once" switch). */
    boolean offered(UserId user, OrderId orderId);

    /** The invoice for one of the user's orders; refuses ORDER_NOT_FOUND, ORDER_NOT_PAYABLE, STARS_NOT_OFFERED. */
    StarsInvoice invoice(UserId user, OrderId orderId);

    /** Empty: answer ok. Reads only; must answer within Telegram's 10 seconds. */
    Optional<Decline> preCheckout(Checkout checkout);

    /** Applies a successful payment once per charge: PAID, ALREADY_APPLIED, or HELD_FOR_ADMIN (money recorded against the payer). */
    Outcome paid(Charge charge);

    /** Telegram reports a refund: what the payment bought is taken back, once; ALREADY_APPLIED on a repeat. */
    Outcome refunded(Charge charge);
}
