package dev.vpnbot.domain.key;

import java.time.Duration;

/** Time left on a key, cut into the days and hours users see ("23 d 4 h"). Never negative. */
public record RemainingTime(Duration duration) {

    public RemainingTime {
        if (duration.isNegative()) duration = Duration.ZERO;
    }

    public boolean isOver() {
        return duration.isZero();
    }

    public long days() {
        return duration.toDays();
    }

    public int hours() {
        return duration.toHoursPart();
    }

    public int minutes() {
        return duration.toMinutesPart();
    }
}
