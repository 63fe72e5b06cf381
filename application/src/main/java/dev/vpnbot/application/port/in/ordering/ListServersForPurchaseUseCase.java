package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import java.util.Optional;

/** Use case: the servers a buyer may pick (active, with room). */
public interface ListServersForPurchaseUseCase {
    List<Server> serversForPurchase();

    /**
     * The name of the server group a tariff sells keys on ("all", or one an admin named): such a
     * key goes on every server of the group, so the buyer picks none. Empty: the buyer picks one
     * location (the default).
     */
    default Optional<String> groupOf(TariffId tariff) {
        return Optional.empty();
    }
}
