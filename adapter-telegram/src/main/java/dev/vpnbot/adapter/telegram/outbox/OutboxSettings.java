package dev.vpnbot.adapter.telegram.outbox;

import org.telegram.telegrambots.meta.TelegramUrl;

/** What the outbox needs of the operator's settings (the bot's settings provide it): where the Bot API is, and our token. */
public interface OutboxSettings {

    /** The token from @BotFather; it never reaches a log. */
    String botToken();

    /** The Bot API server (official, local or a relay) in the form the telegrambots library takes. */
    TelegramUrl telegramUrl();
}
