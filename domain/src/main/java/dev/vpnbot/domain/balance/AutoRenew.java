package dev.vpnbot.domain.balance;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A key whose owner asked for it to be renewed from the balance, for {@code tariff}, before it expires. */
public record AutoRenew(KeyId key, UserId user, TariffId tariff, Instant enabledAt) {
    public AutoRenew {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(enabledAt, "enabledAt");
    }
}
