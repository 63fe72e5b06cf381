package dev.vpnbot.application.port.in.account;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;

/**
 * Use case: the live usage of one of the user's own keys, read from its panel with a short
 * cache and a time limit, so a slow panel never holds up the key screen.
 */
public interface ShowKeyUsageUseCase {

    /** What the key screen can say about usage. */
    sealed interface KeyUsage {
        /** @param readAt when the panel was asked (the answer may come from the cache) */
        record Live(PanelUsage usage, Instant readAt) implements KeyUsage {}

        /** The panel did not answer in time, failed, or the key is not on a panel yet. */
        record Unavailable() implements KeyUsage {}

        /** The panel answered that it has no client for this key. */
        record MissingOnPanel() implements KeyUsage {}
    }

    /** Usage of the key; a key that is not the user's own is {@link KeyUsage.Unavailable}. */
    KeyUsage usage(UserId user, KeyId key);
}
