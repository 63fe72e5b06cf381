package dev.vpnbot.domain.server;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which servers a buyer may choose, and which one the bot picks when the buyer lets it.
 * Renewals never go through here: a key is always extended on its own server.
 */
public final class ServerSelection {

    /** Least loaded first by share of capacity; ties go to more free slots, then the older server. */
    private static final Comparator<Server> LEAST_LOADED = Comparator
            .comparingDouble((Server s) -> (double) s.activeKeys() / s.maxClients())
            .thenComparing(Comparator.comparingInt(Server::freeSlots).reversed())
            .thenComparingLong(s -> s.id().value());

    private final List<Server> servers;

    public ServerSelection(List<Server> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Active servers with room, in a stable order (by id) for the buyer's list. */
    public List<Server> offeredToBuyers() {
        return servers.stream()
                .filter(Server::isOfferedToBuyers)
                .sorted(Comparator.comparingLong(s -> s.id().value()))
                .toList();
    }

    /** The bot's pick for "choose for me": the least loaded server a buyer could pick. */
    public Optional<Server> leastLoaded() {
        return servers.stream().filter(Server::isOfferedToBuyers).min(LEAST_LOADED);
    }

    /** The buyer's explicit pick, if it is still offered (it may have filled up or been switched off). */
    public Optional<Server> pick(ServerId id) {
        return servers.stream().filter(s -> s.id().equals(id) && s.isOfferedToBuyers()).findFirst();
    }
}
