package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the price list. */
public interface Tariffs {
    TariffId nextId();

    /** All tariffs, active or not, in display order. */
    List<Tariff> all();

    Optional<Tariff> find(TariffId id);

    void save(Tariff tariff);

    /** Removes a tariff; orders keep their own snapshot, so nothing else changes. */
    void delete(TariffId id);
}
