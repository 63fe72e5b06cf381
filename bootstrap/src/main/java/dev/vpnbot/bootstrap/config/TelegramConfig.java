package dev.vpnbot.bootstrap.config;

import java.net.URI;
import java.util.Objects;

/**
 * How the bot talks to Telegram.
 *
 * @param botToken      from @BotFather; null only where no bot runs (migrate, sandbox)
 * @param apiUrl        Bot API base URL, without a trailing slash
 * @param webhookSecret the X-Telegram-Bot-Api-Secret-Token we expect; set in webhook mode only
 */
public record TelegramConfig(Secret botToken, URI apiUrl, TelegramMode mode, Secret webhookSecret) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

    public TelegramConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        if (mode == TelegramMode.WEBHOOK && webhookSecret == null) {
            throw new IllegalArgumentException("webhook mode needs a webhook secret");
        }
    }
}
