package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.domain.server.Server;
import java.util.List;

/** Use case: the servers a buyer may pick (active, with room). */
public interface ListServersForPurchaseUseCase {
    List<Server> serversForPurchase();
}
