package dev.vpnbot.adapter.telegram.intake;

import java.time.Duration;

/** Calm retries: the wait doubles from {@code first} up to {@code max}, and never gives up (an outage ends some day). */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next try; each call doubles the one after. */
    Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    void reset() {
        next = first;
    }

    /** Sleeps {@link #next()}; false when interrupted (the caller is being stopped). */
    boolean pause() {
        try {
            Thread.sleep(next().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
