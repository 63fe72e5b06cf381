package dev.vpnbot.bootstrap.config;

import java.net.URI;
import java.util.Objects;

/**
 * How the bot talks to Telegram.
 *
 * @param botToken      from @BotFather; null only where no bot runs (migrate, sandbox)
 * @param apiUrl        Bot API base URL, without a trailing slash
 * @param webhookSecret the X-Telegram-Bot-Api-Secret-Token we expect; set in webhook mode only
 * @param intake        the update queue's bound and its workers
 */
public record TelegramConfig(Secret botToken, URI apiUrl, TelegramMode mode, Secret webhookSecret, TelegramIntake intake) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

    public TelegramConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(intake, "intake");
        if (mode == TelegramMode.WEBHOOK && webhookSecret == null) {
            throw new IllegalArgumentException("webhook mode needs a webhook secret");
        }
    }

    /** With the update queue's defaults. */
    public TelegramConfig(Secret botToken, URI apiUrl, TelegramMode mode, Secret webhookSecret) {
        this(botToken, apiUrl, mode, webhookSecret, TelegramIntake.defaults());
    }
}
