package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import java.util.List;
import java.util.Optional;

/** Use case: the tariffs a buyer can choose from, in display order. */
public interface ListTariffsUseCase {
    List<Tariff> activeTariffs();

    /** A traffic pack on sale: its tariff (for the price) and the GB it adds to a key. */
    record TrafficPackOffer(Tariff tariff, int gb) {}

    /** The traffic packs on sale, in display order (they are not in {@link #activeTariffs()}). */
    default List<TrafficPackOffer> trafficPacks() {
        return List.of();
    }

    /** Maintenance: while a pause stands, new keys are not sold (renewals are); buyers read its message. */
    Optional<SalesPause> salesPause();
}
