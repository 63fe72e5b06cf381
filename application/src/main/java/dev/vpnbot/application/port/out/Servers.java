package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing port: the VPN servers and how to reach their panels. Servers come back with their
 * current load filled in: keys that are active (or being provisioned) and not expired, whose home
 * the server is or that have an active or pending placement on it (a group key occupies a client
 * on each of its servers), each key once per server.
 */
public interface Servers {
    ServerId nextId();

    List<Server> all();

    Optional<Server> find(ServerId id);

    /** The names of the servers in every list, for screens that show only a name (no load, no credentials). */
    default Map<ServerId, String> names() {
        Map<ServerId, String> names = new HashMap<>();
        all().forEach(s -> names.putIfAbsent(s.id(), s.name()));
        return names;
    }

    /** Inserts or updates; the load on the given record is ignored (it is always counted). */
    void save(Server server);

    /**
     * Retires a server for good: it leaves every list and can no longer be found, while the
     * keys and orders that named it stay on record. Callers make sure no active key is left.
     */
    void delete(ServerId id);
}
