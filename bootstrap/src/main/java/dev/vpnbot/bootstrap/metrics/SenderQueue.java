package dev.vpnbot.bootstrap.metrics;

/** How many messages wait in the rate-limited Telegram sender; read at scrape time. */
@FunctionalInterface
public interface SenderQueue {
    int length();
}
