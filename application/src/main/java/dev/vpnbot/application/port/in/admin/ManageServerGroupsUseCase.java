package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Use case (admins only): server groups and which tariff covers one. "all" (every server switched
 * on) always exists; named groups hold the servers an admin adds. A tariff with a group sells keys
 * placed on every server of the group; without one, on the location the buyer picks. Keys of a
 * group get servers added to it on the next placement sweep. Unknown names and ids are refused as
 * invalid input; every method refuses callers who are not admins.
 */
public interface ManageServerGroupsUseCase {

    List<ServerGroup> groups(UserId actor);

    /** A new named group without servers; a name already taken is refused. */
    ServerGroup create(UserId actor, String name);

    ServerGroup addServer(UserId actor, String group, ServerId server);

    ServerGroup removeServer(UserId actor, String group, ServerId server);

    /** Makes the tariff cover the group ({@code group} null: one location the buyer picks again). New orders only. */
    void setTariffGroup(UserId actor, TariffId tariff, String group);

    /** The group the tariff covers, if any. */
    Optional<ServerGroup> groupOfTariff(UserId actor, TariffId tariff);

    /** A new name for a named group ("all" keeps its name); invalid or taken names are refused like {@link #create}'s. */
    ServerGroup rename(UserId actor, String group, String newName);

    /**
     * Deletes a named group. Refused while a tariff sells it (set the tariff's group to another or
     * none first). Keys sold for it keep every placement they have and follow no group any more.
     */
    void delete(UserId actor, String group);
}
