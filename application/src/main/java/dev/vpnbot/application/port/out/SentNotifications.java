package dev.vpnbot.application.port.out;

/**
 * Outgoing port: a ledger of messages that must go out at most once (expiry reminders,
 * broadcast deliveries), so a restart or a second instance never sends one twice.
 */
public interface SentNotifications {
    /**
     * Claims the right to send {@code kind} about {@code subject} (e.g. "reminder-3d", "key:42").
     * True exactly once per pair, however many callers race.
     */
    boolean claim(String kind, String subject);
}
