package dev.vpnbot.application.port.in.payment;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/**
 * What a trusted source established about an order's payment: the gateway when asked directly,
 * a test payment, or an admin's grant. Nothing here is a claim still to be checked.
 *
 * @param paid      the amount in the order's currency; null when the gateway reported none
 * @param reference the gateway's invoice id, or what names the test payment or grant
 * @param rawStatus the status as the source put it, kept for audit
 * @param payload   what the source said, kept for audit
 */
public record VerifiedPayment(PublicOrderId orderId, PaymentStatus status, Money paid, Source source,
                              String reference, String rawStatus, String payload) {

    public enum Source {
        /** The payment gateway, asked directly (a notification alone is never enough). */
        GATEWAY,
        /** "Pay (test)" in payment test mode. */
        TEST,
        /** An admin gave the time away: no money moved, so nothing goes to the payment record. */
        GRANT,
        /** Telegram Stars: Telegram reported the charge in a successful_payment; the stars are in the Stars ledger. */
        STARS,
        /** The user's balance: the debit is in the ledger, written in the same transaction. */
        BALANCE;

        /** How the order was paid, for the order's record and the revenue figures. */
        public PaymentMethod method() {
            return switch (this) {
                case GATEWAY -> PaymentMethod.CRYPTO;
                case TEST -> PaymentMethod.TEST;
                case GRANT -> PaymentMethod.GRANT;
                case STARS -> PaymentMethod.STARS;
                case BALANCE -> PaymentMethod.BALANCE;
            };
        }
    }

    public VerifiedPayment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(rawStatus, "rawStatus");
    }

    public static VerifiedPayment fromGateway(PublicOrderId orderId, String invoiceId, PaymentStatus status, Money paid,
                                              String rawStatus, String payload) {
        return new VerifiedPayment(orderId, status, paid, Source.GATEWAY, invoiceId, rawStatus, payload);
    }

    /** The whole price, as if the gateway had confirmed it. */
    public static VerifiedPayment paidInTestMode(PublicOrderId orderId, String reference, Money price) {
        return new VerifiedPayment(orderId, PaymentStatus.PAID, price, Source.TEST, reference, "test_paid", "{\"test\":true}");
    }

    /** A Stars charge for an order whose Stars price it covers: the order's fiat price counts as paid. */
    public static VerifiedPayment paidInStars(PublicOrderId orderId, String chargeId, Money price, String payload) {
        return new VerifiedPayment(orderId, PaymentStatus.PAID, price, Source.STARS, chargeId, "successful_payment", payload);
    }

    /** The whole price, debited from the buyer's balance under {@code source} (the ledger's key). */
    public static VerifiedPayment paidFromBalance(PublicOrderId orderId, String source, Money price) {
        return new VerifiedPayment(orderId, PaymentStatus.PAID, price, Source.BALANCE, source, "balance_paid", "{\"balance\":true}");
    }

    /** The order's price of zero, paid by the admin who granted it. */
    public static VerifiedPayment granted(PublicOrderId orderId, Money zero, UserId admin) {
        return new VerifiedPayment(orderId, PaymentStatus.PAID, zero, Source.GRANT, orderId.value(), "granted",
                "{\"grantedBy\":" + admin.telegramId() + "}");
    }
}
