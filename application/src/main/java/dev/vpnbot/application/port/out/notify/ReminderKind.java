package dev.vpnbot.application.port.out.notify;

import java.time.Duration;

/** Expiry reminders: each is sent once per key expiry period. */
public enum ReminderKind {
    THREE_DAYS_BEFORE(Duration.ofDays(3)),
    ONE_DAY_BEFORE(Duration.ofDays(1)),
    EXPIRED(Duration.ZERO);

    private final Duration before;

    ReminderKind(Duration before) {
        this.before = before;
    }

    /** How long before the expiry this reminder goes out. */
    public Duration before() {
        return before;
    }
}
