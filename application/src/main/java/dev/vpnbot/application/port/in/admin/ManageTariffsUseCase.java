package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Objects;

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
}
