package dev.vpnbot.application.port.in.account;

/**
 * Use case: tell users their key runs out: 3 days before, 1 day before and on expiry, each
 * exactly once per expiry, across restarts and bot instances.
 */
public interface SendExpiryRemindersUseCase {
    /** Returns how many reminders were sent. */
    int sendDueReminders();
}
