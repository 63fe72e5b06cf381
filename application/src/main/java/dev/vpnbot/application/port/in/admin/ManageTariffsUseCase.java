package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case (admins only): the price list. Changes apply to new orders only: placed orders keep
 * their tariff snapshot. Every method refuses callers who are not admins.
 */
public interface ManageTariffsUseCase {

    record AddTariffCommand(UserId actor, int days, Money price, int displayOrder) {
        public AddTariffCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(price, "price");
        }
    }

    List<Tariff> allTariffs(UserId actor);

    Tariff addTariff(AddTariffCommand command);

    Tariff changePrice(UserId actor, TariffId id, Money price);

    Tariff setActive(UserId actor, TariffId id, boolean active);

    void removeTariff(UserId actor, TariffId id);

    /** The tariff's own Stars price; null derives it from the price at the configured rate again. New orders only. */
    Tariff setStarsPrice(UserId actor, TariffId id, Stars stars);

    /**
     * Maintenance: stops selling new keys (renewals, My keys and support go on) until
     * {@link #resumeSales}; buyers read {@code message}. Pausing again replaces the message.
     * A message over {@link SalesPause#MAX_MESSAGE} characters is refused as invalid input.
     */
    SalesPause pauseSales(UserId actor, String message);

    /** Sells new keys again; nothing happens when sales run. */
    void resumeSales(UserId actor);

    /** The pause in force, if any. */
    Optional<SalesPause> salesPause(UserId actor);
}
