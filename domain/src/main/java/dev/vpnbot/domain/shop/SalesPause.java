package dev.vpnbot.domain.shop;

import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Maintenance: new keys are not sold while a pause stands. Renewals of keys people already
 * have, My keys and support go on as usual; the message is what buyers read instead of the
 * price list.
 *
 * @param message the operator's words for buyers; may be empty (the bot then says only that sales are paused)
 */
public record SalesPause(String message, Instant since, UserId by) {
    /** Room for the message inside one Telegram message with the bot's own words around it. */
    public static final int MAX_MESSAGE = 1000;

    public SalesPause {
        message = message == null ? "" : message.strip();
        if (message.length() > MAX_MESSAGE) throw new IllegalArgumentException("a maintenance message has at most " + MAX_MESSAGE + " characters");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(by, "by");
    }
}
