package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.port.out.TrafficPacks;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.domain.user.UserId;

/** Sets a tariff's limits; the fulfilment reads them when it creates or renews a key. */
public final class TariffLimitSetting implements SetTariffLimitsUseCase {
    private final Admins admins;
    private final Tariffs tariffs;
    private final TariffLimitBook book;
    private final TrafficPacks packs;

    public TariffLimitSetting(Admins admins, Tariffs tariffs, TariffLimitBook book, TrafficPacks packs) {
        this.admins = admins;
        this.tariffs = tariffs;
        this.book = book;
        this.packs = packs;
    }

    @Override
    public int trafficPackOf(UserId actor, TariffId tariff) {
        admins.require(actor);
        requireTariff(tariff);
        return packs.packGb(tariff);
    }

    @Override
    public int setTrafficPack(UserId actor, TariffId tariff, int gb) {
        admins.require(actor);
        if (gb < 0 || gb > TrafficPacks.MAX_GB) {
            throw new Refusal(Refusal.Reason.INVALID_INPUT, "a traffic pack is 0.." + TrafficPacks.MAX_GB + " GB, got " + gb);
        }
        requireTariff(tariff);
        if (!packs.setPackGb(tariff, gb)) throw noTariff(tariff);
        return gb;
    }

    @Override
    public TariffLimits limitsOf(UserId actor, TariffId tariff) {
        admins.require(actor);
        requireTariff(tariff);
        return book.limitsOf(tariff);
    }

    @Override
    public TariffLimits setLimits(UserId actor, TariffId tariff, int devices, int trafficGb, boolean monthlyReset) {
        admins.require(actor);
        TariffLimits limits = TariffAdministration.valid(() -> new TariffLimits(devices, trafficGb, monthlyReset));
        requireTariff(tariff);
        if (!book.setLimits(tariff, limits)) throw noTariff(tariff);
        return limits;
    }

    private void requireTariff(TariffId tariff) {
        if (tariffs.find(tariff).isEmpty()) throw noTariff(tariff);
    }

    private static Refusal noTariff(TariffId tariff) {
        return new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + tariff);
    }
}
