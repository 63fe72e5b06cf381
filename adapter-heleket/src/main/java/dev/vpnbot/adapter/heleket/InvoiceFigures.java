package dev.vpnbot.adapter.heleket;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The money fields Heleket puts in an invoice and in a webhook, as the strings it sent, and
 * what they mean in the invoice's own currency.
 *
 * <p>{@code payment_amount} is what the payer actually sent, in {@code payer_currency} (a
 * crypto), and {@code payer_amount} is what Heleket asked of them in that currency [inferred
 * from Heleket's examples, see docs/PAYMENTS.md]. So the paid share of the invoice is
 * {@code amount × payment_amount / payer_amount}. Heleket's status decides whether the invoice
 * is paid; the amount only says by how much, and it is rounded down, never up.
 */
record InvoiceFigures(String amount, String currency, String paymentAmount, String payerAmount,
                      String payerCurrency, String paymentAmountUsd) {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceFigures.class);

    /** The invoice amount; throws IllegalArgumentException for a non-ISO currency or a bad number. */
    Money invoiced() {
        if (amount == null || currency == null) throw new IllegalArgumentException("invoice without amount or currency");
        return Money.of(new BigDecimal(amount.trim()), currency);
    }

    /**
     * What was paid, in the invoice currency; null when nothing was or it cannot be told.
     * For paid statuses never less than the invoice: Heleket has judged it paid in full, and
     * rounding must not turn a sale into an underpayment.
     */
    Money paid(PaymentStatus status) {
        Money invoiced = invoiced();
        BigDecimal derived = derivedPaid(invoiced);
        if (status.isPaid()) {
            if (derived == null || derived.compareTo(invoiced.amount()) < 0) {
                if (derived != null) LOG.info("Heleket says paid, figures say {} of {}: counted as the full amount", derived, invoiced);
                return invoiced;
            }
            return new Money(derived, invoiced.currency());
        }
        return derived == null ? null : new Money(derived, invoiced.currency());
    }

    private BigDecimal derivedPaid(Money invoiced) {
        BigDecimal sent = decimal(paymentAmount);
        if (sent == null || sent.signum() <= 0) return null;
        int scale = invoiced.amount().scale();
        if (payerCurrency == null || payerCurrency.isBlank() || payerCurrency.trim().equalsIgnoreCase(currency.trim())) {
            return sent.setScale(scale, RoundingMode.DOWN);
        }
        BigDecimal asked = decimal(payerAmount);
        if (asked != null && asked.signum() > 0) {
            return invoiced.amount().multiply(sent).divide(asked, MathContext.DECIMAL64).setScale(scale, RoundingMode.DOWN);
        }
        BigDecimal usd = decimal(paymentAmountUsd);
        if ("USD".equalsIgnoreCase(currency.trim()) && usd != null && usd.signum() > 0) {
            return usd.setScale(scale, RoundingMode.DOWN);
        }
        return null;
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
