package dev.vpnbot.bootstrap.config;

/** How updates reach the bot: it asks Telegram (polling), or Telegram posts them to us (webhook). */
public enum TelegramMode {
    POLLING, WEBHOOK
}
