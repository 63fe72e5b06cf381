package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.domain.tariff.Tariff;
import java.util.List;

/** Use case: the tariffs a buyer can choose from, in display order. */
public interface ListTariffsUseCase {
    List<Tariff> activeTariffs();
}
