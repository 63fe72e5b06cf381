package dev.vpnbot.bootstrap.config;

import java.time.Duration;

/**
 * Moving keys between servers (docs/MOVES.md).
 *
 * @param perDay      buyer moves per key in any 24 hours (MOVES_PER_DAY, 1-100, default 3)
 * @param deleteDelay how long a moved key's switched-off old client stays before it is deleted (MOVE_DELETE_DELAY, default 24h)
 */
public record MovesConfig(int perDay, Duration deleteDelay) {
    public static final int DEFAULT_PER_DAY = 3;
    public static final Duration DEFAULT_DELETE_DELAY = Duration.ofHours(24);

    public MovesConfig {
        if (perDay < 1 || perDay > 100) throw new IllegalArgumentException("moves per day must be 1 to 100");
        if (deleteDelay.isNegative()) throw new IllegalArgumentException("the delete delay cannot be negative");
    }

    public static MovesConfig defaults() {
        return new MovesConfig(DEFAULT_PER_DAY, DEFAULT_DELETE_DELAY);
    }

    static MovesConfig read(ConfigReader in) {
        return new MovesConfig(in.parse("MOVES_PER_DAY", MovesConfig::perDay).orElse(DEFAULT_PER_DAY),
                in.parse("MOVE_DELETE_DELAY", MovesConfig::delay).orElse(DEFAULT_DELETE_DELAY));
    }

    private static int perDay(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 100) return n;
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("must be a whole number from 1 to 100, got " + value);
    }

    private static Duration delay(String value) {
        Duration d = DurationText.parse(value);
        if (d.compareTo(Duration.ofDays(30)) > 0) throw new IllegalArgumentException("must be at most 30d, got " + value);
        return d;
    }
}
