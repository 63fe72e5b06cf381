package dev.vpnbot.adapter.heleket.fake;

import java.math.BigDecimal;
import java.time.Instant;

/** A snapshot of one invoice in the fake, for assertions. {@code paid} is in the invoice currency. */
public record InvoiceView(String uuid, String orderId, String amount, String currency, String status, boolean isFinal,
                          long lifetime, String urlCallback, String urlReturn, String urlSuccess, BigDecimal paid,
                          Instant expiresAt, String additionalData, String payUrl) {}
