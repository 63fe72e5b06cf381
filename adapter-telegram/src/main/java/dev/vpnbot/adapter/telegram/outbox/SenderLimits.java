package dev.vpnbot.adapter.telegram.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the outbox may talk to Telegram.
 *
 * @param messagesPerSecond overall budget (Telegram: about 30 per second)
 * @param perChatBurst      messages one chat may get back to back before pacing starts
 * @param perChatInterval   then one message per this interval in a private chat (Telegram: about 1 s)
 * @param groupInterval     the same for groups (Telegram: about 20 per minute)
 * @param workers           calls in flight at once (never two for the same chat)
 * @param maxAttempts       tries per call on 429 or network failure before it is dropped and logged
 */
public record SenderLimits(int messagesPerSecond, int perChatBurst, Duration perChatInterval, Duration groupInterval,
                           int workers, int maxAttempts) {

    public SenderLimits {
        Objects.requireNonNull(perChatInterval, "perChatInterval");
        Objects.requireNonNull(groupInterval, "groupInterval");
        if (messagesPerSecond < 1 || perChatBurst < 1 || workers < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("sender limits must be positive");
        }
        if (perChatInterval.isNegative() || perChatInterval.isZero() || groupInterval.isNegative() || groupInterval.isZero()) {
            throw new IllegalArgumentException("per-chat intervals must be positive");
        }
    }

    /** Telegram's published limits, with a small burst so a screen and its answer go out together. */
    public static SenderLimits telegramDefaults() {
        return new SenderLimits(30, 3, Duration.ofSeconds(1), Duration.ofSeconds(3), 4, 5);
    }
}
