package dev.vpnbot.bootstrap.health;

import java.util.Objects;

/** One line of {@code vpnbot doctor}: what was checked, the verdict, and what was found or what to do. */
public record Checkup(Verdict verdict, String subject, String detail) {

    public enum Verdict {
        OK, WARN, FAIL;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Checkup {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }

    static Checkup ok(String subject, String detail) {
        return new Checkup(Verdict.OK, subject, detail);
    }

    static Checkup warn(String subject, String detail) {
        return new Checkup(Verdict.WARN, subject, detail);
    }

    static Checkup fail(String subject, String detail) {
        return new Checkup(Verdict.FAIL, subject, detail);
    }

    /** "[fail] telegram: Telegram Bot API at … unreachable (connection refused); check …", on one line. */
    public String line() {
        return String.format("%-6s %s: %s", "[" + verdict.label() + "]", subject, detail.replace('\n', ' '));
    }
}
