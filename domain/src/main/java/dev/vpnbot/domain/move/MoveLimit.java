package dev.vpnbot.domain.move;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The buyer's limit: at most {@code perDay} moves of one key in any 24 hours (a sliding day, so
 * the answer "next move possible at" is exact, whatever the user's time zone).
 */
public record MoveLimit(int perDay) {
    public static final Duration WINDOW = Duration.ofDays(1);

    public MoveLimit {
        if (perDay < 1) throw new IllegalArgumentException("at least one move per day: " + perDay);
    }

    /**
     * Given the times of the key's buyer moves in the last 24 hours: empty when one more is
     * allowed now, else the instant the oldest counted one leaves the window.
     */
    public Optional<Instant> nextAllowed(List<Instant> recentMoves, Instant now) {
        List<Instant> inWindow = recentMoves.stream().filter(t -> t.isAfter(now.minus(WINDOW))).sorted(Comparator.naturalOrder()).toList();
        if (inWindow.size() < perDay) return Optional.empty();
        return Optional.of(inWindow.get(inWindow.size() - perDay).plus(WINDOW));
    }
}
