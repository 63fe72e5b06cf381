package dev.vpnbot.bootstrap.health;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the Bot API answers, as the bot's own calls (long poll, sender) saw it: no extra traffic.
 * An outage degrades the bot (it sells nothing new, webhooks and deliveries still run) but a
 * restart would not help, so it is never DOWN.
 */
public final class TelegramHealthCheck implements HealthCheck {
    private final Supplier<Optional<String>> outage;

    /** @param outage empty while Telegram answers; otherwise a line naming the address and the cause (never the token) */
    public TelegramHealthCheck(Supplier<Optional<String>> outage) {
        this.outage = outage;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public Health check() {
        return outage.get().map(Health::degraded).orElseGet(() -> Health.up("Bot API answering"));
    }
}
