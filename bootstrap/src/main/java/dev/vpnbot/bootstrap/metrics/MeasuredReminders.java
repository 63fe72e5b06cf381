package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;

/** Decorator: counts the expiry reminders that went out. */
public final class MeasuredReminders implements SendExpiryRemindersUseCase {
    private final SendExpiryRemindersUseCase reminders;
    private final BotMetrics metrics;

    public MeasuredReminders(SendExpiryRemindersUseCase reminders, BotMetrics metrics) {
        this.reminders = reminders;
        this.metrics = metrics;
    }

    @Override
    public int sendDueReminders() {
        int sent = reminders.sendDueReminders();
        metrics.reminders.increment(sent);
        return sent;
    }
}
