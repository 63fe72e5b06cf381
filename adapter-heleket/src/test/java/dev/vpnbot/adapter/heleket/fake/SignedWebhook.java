package dev.vpnbot.adapter.heleket.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a webhook body the way Heleket does, for tests that post webhooks themselves: the
 * payload encoded PHP-style (slashes escaped, unicode raw), signed with the payment key, and
 * {@code sign} appended last. Uses the fake's own encoder, never the adapter's.
 */
public final class SignedWebhook {
    private SignedWebhook() {}

    public static byte[] body(Map<String, ?> payload, String paymentKey) {
        return body(payload, paymentKey, false);
    }

    /** @param escapeUnicode deliver with PHP's default flags (non-ASCII as \\uXXXX) */
    public static byte[] body(Map<String, ?> payload, String paymentKey, boolean escapeUnicode) {
        String sign = FakeHeleket.signOf(PhpStyleJson.encode(payload, false, true).getBytes(StandardCharsets.UTF_8), paymentKey);
        Map<String, Object> delivered = new LinkedHashMap<>(payload);
        delivered.put("sign", sign);
        return PhpStyleJson.encode(delivered, escapeUnicode, true).getBytes(StandardCharsets.UTF_8);
    }

    /** A typical payment webhook payload, members in Heleket's order; change what the test is about. */
    public static Map<String, Object> payment(String uuid, String orderId, String status, String amount, String currency) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "payment");
        p.put("uuid", uuid);
        p.put("order_id", orderId);
        p.put("amount", amount);
        p.put("payment_amount", amount + "000000");
        p.put("payment_amount_usd", amount);
        p.put("merchant_amount", amount + "000000");
        p.put("commission", "0.00000000");
        p.put("is_final", true);
        p.put("status", status);
        p.put("from", null);
        p.put("wallet_address_uuid", null);
        p.put("network", "tron");
        p.put("currency", currency);
        p.put("payer_currency", currency);
        p.put("payer_amount", amount + "000000");
        p.put("payer_amount_exchange_rate", "1.00000000");
        p.put("additional_data", null);
        p.put("transfer_id", null);
        return p;
    }
}
