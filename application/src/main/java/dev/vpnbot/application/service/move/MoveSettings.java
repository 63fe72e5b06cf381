package dev.vpnbot.application.service.move;

import dev.vpnbot.domain.move.MoveLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How moves behave (docs/MOVES.md).
 *
 * @param limit       buyer moves per key in any 24 hours ({@code MOVES_PER_DAY}, 3)
 * @param deleteDelay how long the source's switched-off client stays before it is deleted ({@code MOVE_DELETE_DELAY}, 24 h)
 * @param batchSize   moves one round of the move job takes
 * @param lease       how long a claimed move is hidden from other workers
 */
public record MoveSettings(MoveLimit limit, Duration deleteDelay, int batchSize, Duration lease) {
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration MAX_RETRY = Duration.ofMinutes(15);

    public MoveSettings {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(deleteDelay, "deleteDelay");
        Objects.requireNonNull(lease, "lease");
        if (deleteDelay.isNegative()) throw new IllegalArgumentException("the delete delay cannot be negative");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
    }

    public static MoveSettings defaults() {
        return new MoveSettings(new MoveLimit(3), Duration.ofHours(24), 50, Duration.ofMinutes(2));
    }

    public MoveSettings withDeleteDelay(Duration delay) {
        return new MoveSettings(limit, delay, batchSize, lease);
    }

    public MoveSettings withMovesPerDay(int perDay) {
        return new MoveSettings(new MoveLimit(perDay), deleteDelay, batchSize, lease);
    }

    /** Wait before a failed step is tried again: 30 s, doubling per attempt, at most 15 min. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY;
        for (int i = 1; i < attempts && d.compareTo(MAX_RETRY) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
