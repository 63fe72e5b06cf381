package dev.vpnbot.adapter.heleket;

import dev.vpnbot.application.model.payment.PaymentStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Heleket's payment status words in our terms (reference §4). Only paid and paid_over are a sale. */
final class HeleketStatus {
    private static final Logger LOG = LoggerFactory.getLogger(HeleketStatus.class);

    private HeleketStatus() {}

    static PaymentStatus toPaymentStatus(String raw) {
        String status = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        switch (status) {
            case "paid":
                return PaymentStatus.PAID;
            case "paid_over":
                return PaymentStatus.PAID_OVER;
            case "wrong_amount":
                return PaymentStatus.WRONG_AMOUNT;
            case "check":
            case "process":
            case "confirm_check":
            case "wrong_amount_waiting":
                return PaymentStatus.PENDING;
            case "cancel":
            case "fail":
            case "system_fail":
                return PaymentStatus.FAILED;
            case "locked":
                // AML hold: money arrived but is not ours yet; a person has to look, and it may still become paid.
                LOG.warn("Heleket reports payment status 'locked' (AML hold): treated as pending, needs manual handling");
                return PaymentStatus.PENDING;
            default:
                if (status.startsWith("refund_")) {
                    if (status.equals("refund_fail")) LOG.warn("Heleket reports a failed refund (refund_fail): needs manual handling");
                    return PaymentStatus.REFUNDED;
                }
                LOG.warn("unknown Heleket payment status '{}': treated as pending", raw);
                return PaymentStatus.PENDING;
        }
    }
}
