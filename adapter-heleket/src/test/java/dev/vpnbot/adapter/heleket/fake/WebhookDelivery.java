package dev.vpnbot.adapter.heleket.fake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One attempt of the fake to deliver a webhook.
 *
 * @param message      number of the webhook message; its retries share it
 * @param attempt      1 for the first try
 * @param responseCode the receiver's HTTP status, or -1 when it could not be reached
 */
public record WebhookDelivery(int message, int attempt, String url, String orderId, String status, byte[] body,
                              int responseCode, String responseBody, Instant at) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean acknowledged() {
        return responseCode >= 200 && responseCode < 300;
    }

    @Override
    public String toString() {
        return "#" + message + "." + attempt + " " + orderId + " " + status + " -> " + responseCode + " " + responseBody;
    }
}
