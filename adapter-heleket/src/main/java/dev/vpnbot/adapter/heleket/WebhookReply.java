package dev.vpnbot.adapter.heleket;

import java.util.Objects;

/** What the webhook endpoint answers: an HTTP status and a short plain-text body. */
public record WebhookReply(int status, String body) {
    public WebhookReply {
        if (status < 100 || status > 599) throw new IllegalArgumentException("not an HTTP status: " + status);
        Objects.requireNonNull(body, "body");
    }

    /** A 2xx stops Heleket's retries; anything else asks for another delivery. */
    public boolean acknowledged() {
        return status >= 200 && status < 300;
    }
}
