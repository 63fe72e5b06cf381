package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import java.util.List;
import java.util.Optional;

/** Use case: the tariffs a buyer can choose from, in display order. */
public interface ListTariffsUseCase {
    List<Tariff> activeTariffs();

    /** Maintenance: while a pause stands, new keys are not sold (renewals are); buyers read its message. */
    Optional<SalesPause> salesPause();
}
