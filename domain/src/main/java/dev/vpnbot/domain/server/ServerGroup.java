package dev.vpnbot.domain.server;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Locations a tariff can cover together: "all locations" ({@code allServers}) or the servers an
 * admin named. Rule: a group covers only its servers that are switched on; a server switched off
 * leaves the group's keys' subscriptions without touching their other locations.
 */
public record ServerGroup(ServerGroupId id, String name, boolean allServers, Set<ServerId> members) {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.-]{1,64}");

    public ServerGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = Set.copyOf(members);
        if (!isValidName(name)) throw new IllegalArgumentException("bad group name: " + name);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.isBlank();
    }

    public boolean includes(Server server) {
        return allServers || members.contains(server.id());
    }

    /** The servers a key of this group is placed on now: members (or all) that are switched on, in id order. */
    public List<Server> activeServers(List<Server> servers) {
        return servers.stream().filter(Server::active).filter(this::includes)
                .sorted(java.util.Comparator.comparingLong(s -> s.id().value())).toList();
    }
}
