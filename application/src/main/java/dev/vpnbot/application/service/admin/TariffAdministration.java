package dev.vpnbot.application.service.admin;

import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Edits the price list and pauses sales (maintenance). Orders already placed keep their snapshot, so nothing else changes. */
public final class TariffAdministration implements ManageTariffsUseCase {
    private final Admins admins;
    private final Tariffs tariffs;
    private final SalesSwitch sales;
    private final Clock clock;

    public TariffAdministration(Admins admins, Tariffs tariffs, SalesSwitch sales, Clock clock) {
        this.admins = admins;
        this.tariffs = tariffs;
        this.sales = sales;
        this.clock = clock;
    }

    @Override
    public SalesPause pauseSales(UserId actor, String message) {
        admins.require(actor);
        SalesPause pause = valid(() -> new SalesPause(message, clock.instant(), actor));
        sales.pause(pause);
        return pause;
    }

    @Override
    public void resumeSales(UserId actor) {
        admins.require(actor);
        sales.resume();
    }

    @Override
    public Optional<SalesPause> salesPause(UserId actor) {
        admins.require(actor);
        return sales.current();
    }

    @Override
    public List<Tariff> allTariffs(UserId actor) {
        admins.require(actor);
        return tariffs.all();
    }

    @Override
    public Tariff addTariff(AddTariffCommand command) {
        admins.require(command.actor());
        Tariff tariff = valid(() -> new Tariff(tariffs.nextId(), command.days(), command.price(), true, command.displayOrder()));
        tariffs.save(tariff);
        return tariff;
    }

    @Override
    public Tariff changePrice(UserId actor, TariffId id, Money price) {
        admins.require(actor);
        Tariff changed = valid(() -> existing(id).withPrice(price));
        tariffs.save(changed);
        return changed;
    }

    @Override
    public Tariff setActive(UserId actor, TariffId id, boolean active) {
        admins.require(actor);
        Tariff changed = existing(id).withActive(active);
        tariffs.save(changed);
        return changed;
    }

    @Override
    public void removeTariff(UserId actor, TariffId id) {
        admins.require(actor);
        existing(id);
        tariffs.delete(id);
    }

    @Override
    public Tariff setStarsPrice(UserId actor, TariffId id, Stars stars) {
        admins.require(actor);
        Tariff changed = existing(id).withStarsPrice(stars);
        tariffs.save(changed);
        return changed;
    }

    private Tariff existing(TariffId id) {
        return tariffs.find(id).orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + id));
    }

    /** Turns a broken invariant (0 days, a price of 0) into a refusal the admin is shown. */
    static <T> T valid(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.INVALID_INPUT, e.getMessage());
        }
    }
}
