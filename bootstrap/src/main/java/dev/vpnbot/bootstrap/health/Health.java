package dev.vpnbot.bootstrap.health;

import java.util.Objects;

/** One check's verdict with a line an operator can read. */
public record Health(Status status, String detail) {

    public enum Status {
        /** Working. */
        UP,
        /** Working in part (one panel of several is failing): the bot still sells. */
        DEGRADED,
        /** Not working: the bot cannot do its job (no database). */
        DOWN
    }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static Health up(String detail) {
        return new Health(Status.UP, detail);
    }

    public static Health degraded(String detail) {
        return new Health(Status.DEGRADED, detail);
    }

    public static Health down(String detail) {
        return new Health(Status.DOWN, detail);
    }
}
