package dev.vpnbot.adapter.heleket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Heleket's invoice object (reference §2), the fields we use. Read leniently: any field may
 * be null, numbers may come as strings and strings as numbers, unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HeleketInvoice(
        @JsonProperty("uuid") String uuid,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("amount") String amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("payment_amount") String paymentAmount,
        @JsonProperty("payment_amount_usd") String paymentAmountUsd,
        @JsonProperty("payer_amount") String payerAmount,
        @JsonProperty("payer_currency") String payerCurrency,
        @JsonProperty("payment_status") String paymentStatus,
        @JsonProperty("status") String status,
        @JsonProperty("url") String url,
        @JsonProperty("is_final") Boolean isFinal,
        @JsonProperty("expired_at") Long expiredAt) {

    /** {@code payment_status} first, {@code status} when it is missing: both carry the same word. */
    String rawStatus() {
        return paymentStatus != null && !paymentStatus.isBlank() ? paymentStatus : status;
    }

    InvoiceFigures figures() {
        return new InvoiceFigures(amount, currency, paymentAmount, payerAmount, payerCurrency, paymentAmountUsd);
    }
}
