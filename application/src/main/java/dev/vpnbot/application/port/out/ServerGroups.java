package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the server groups tariffs cover ("all", which always exists, and named ones). */
public interface ServerGroups {

    List<ServerGroup> all();

    Optional<ServerGroup> find(ServerGroupId id);

    /** By name, ignoring case. */
    Optional<ServerGroup> findByName(String name);

    /** A new named group without members; empty when the name is taken. */
    Optional<ServerGroup> create(String name);

    /** True when the server was not a member before. */
    boolean addMember(ServerGroupId group, ServerId server);

    /** True when the server was a member. */
    boolean removeMember(ServerGroupId group, ServerId server);

    /** The group a tariff's keys are placed on; empty: one location the buyer picks. */
    Optional<ServerGroupId> groupOfTariff(TariffId tariff);

    /** Sets (or with null clears) the group of a tariff. */
    void setTariffGroup(TariffId tariff, ServerGroupId group);

    /** Renames a named group; false when the name is taken by another group (or the group is "all" or gone). */
    boolean rename(ServerGroupId group, String name);

    /** The tariffs that sell keys on the group, in id order. */
    List<TariffId> tariffsOf(ServerGroupId group);

    /**
     * Deletes a named group no tariff sells, with its members; keys sold for it keep their
     * placements and lose the group. False when a tariff sells it, it is "all" or it is gone.
     */
    boolean delete(ServerGroupId group);
}
