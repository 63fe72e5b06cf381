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
 * @param maxQueued         calls of each kind that may wait: beyond it answers are refused (the user may press
 *                          again) and whoever queues what the bot sends on its own waits for room (nothing is dropped)
 */
public record SenderLimits(int messagesPerSecond, int perChatBurst, Duration perChatInterval, Duration groupInterval,
                           int workers, int maxAttempts, int maxQueued) {

    /** The usual bound: 10,000 queued calls of each kind (a few kilobytes each, see bench/outbox-heap.sh). */
    public static final int DEFAULT_MAX_QUEUED = 10_000;

    public SenderLimits {
        Objects.requireNonNull(perChatInterval, "perChatInterval");
        Objects.requireNonNull(groupInterval, "groupInterval");
        if (messagesPerSecond < 1 || perChatBurst < 1 || workers < 1 || maxAttempts < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("sender limits must be positive");
        }
        if (perChatInterval.isNegative() || perChatInterval.isZero() || groupInterval.isNegative() || groupInterval.isZero()) {
            throw new IllegalArgumentException("per-chat intervals must be positive");
        }
    }

    public SenderLimits(int messagesPerSecond, int perChatBurst, Duration perChatInterval, Duration groupInterval,
                        int workers, int maxAttempts) {
        this(messagesPerSecond, perChatBurst, perChatInterval, groupInterval, workers, maxAttempts, DEFAULT_MAX_QUEUED);
    }

    /**
     * Telegram's published limits, with a small burst so a screen and its answer go out together:
     * 28 per second (a margin under Telegram's 30) for what the bot sends on its own; answers go at
     * once, so enough workers that a 60 ms round trip does not cap them.
     */
    public static SenderLimits telegramDefaults() {
        return new SenderLimits(28, 3, Duration.ofSeconds(1), Duration.ofSeconds(3), 32, 5);
    }
}
