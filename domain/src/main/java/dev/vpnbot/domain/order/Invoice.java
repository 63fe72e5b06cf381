package dev.vpnbot.domain.order;

import java.util.Objects;

/** The gateway's invoice for an order: its id there and the page where the user pays. */
public record Invoice(String invoiceId, String payUrl) {
    public Invoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(payUrl, "payUrl");
        if (invoiceId.isBlank()) throw new IllegalArgumentException("invoice id must not be blank");
        if (!payUrl.startsWith("https://") && !payUrl.startsWith("http://")) {
            throw new IllegalArgumentException("pay URL must be http(s): " + payUrl);
        }
    }
}
