package dev.vpnbot.adapter.telegram.outbox;

/**
 * A call the outbox gave up before sending: an answer with no room in the queue, or a button's
 * answer that waited past Telegram's limit. Without a stack trace: under a flood there are many,
 * and the reason says all there is.
 */
public final class NotSent extends RuntimeException {
    NotSent(String reason) {
        super(reason, null, false, false);
    }
}
