package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Edits server groups and tariffs' groups for the admin panel and the CLI. Keys already sold keep their group. */
public final class ServerGroupAdministration implements ManageServerGroupsUseCase {
    private final Admins admins;
    private final ServerGroups groups;
    private final Servers servers;
    private final Tariffs tariffs;

    public ServerGroupAdministration(Admins admins, ServerGroups groups, Servers servers, Tariffs tariffs) {
        this.admins = admins;
        this.groups = groups;
        this.servers = servers;
        this.tariffs = tariffs;
    }

    @Override
    public List<ServerGroup> groups(UserId actor) {
        admins.require(actor);
        return groups.all();
    }

    @Override
    public ServerGroup create(UserId actor, String name) {
        admins.require(actor);
        String trimmed = validName(name);
        return groups.create(trimmed).orElseThrow(() -> new Refusal(Refusal.Reason.INVALID_INPUT, "group " + trimmed + " exists already"));
    }

    @Override
    public ServerGroup addServer(UserId actor, String group, ServerId server) {
        admins.require(actor);
        ServerGroup g = named(group);
        existingServer(server);
        groups.addMember(g.id(), server);
        return groups.find(g.id()).orElseThrow();
    }

    @Override
    public ServerGroup removeServer(UserId actor, String group, ServerId server) {
        admins.require(actor);
        ServerGroup g = named(group);
        if (!groups.removeMember(g.id(), server)) throw new Refusal(Refusal.Reason.INVALID_INPUT, "server " + server.value() + " is not in " + g.name());
        return groups.find(g.id()).orElseThrow();
    }

    @Override
    public void setTariffGroup(UserId actor, TariffId tariff, String group) {
        admins.require(actor);
        if (tariffs.find(tariff).isEmpty()) throw new Refusal(Refusal.Reason.INVALID_INPUT, "no tariff " + tariff.value());
        groups.setTariffGroup(tariff, group == null ? null : found(group).id());
    }

    @Override
    public Optional<ServerGroup> groupOfTariff(UserId actor, TariffId tariff) {
        admins.require(actor);
        return groups.groupOfTariff(tariff).flatMap(groups::find);
    }

    @Override
    public ServerGroup rename(UserId actor, String group, String newName) {
        admins.require(actor);
        ServerGroup g = named(group);
        String trimmed = validName(newName);
        if (!groups.rename(g.id(), trimmed)) throw new Refusal(Refusal.Reason.INVALID_INPUT, "group " + trimmed + " exists already");
        return groups.find(g.id()).orElseThrow();
    }

    @Override
    public void delete(UserId actor, String group) {
        admins.require(actor);
        ServerGroup g = named(group);
        List<TariffId> selling = groups.tariffsOf(g.id());
        if (!selling.isEmpty() || !groups.delete(g.id())) {
            throw new Refusal(Refusal.Reason.INVALID_INPUT, "group " + g.name() + " is sold by tariff(s) "
                    + selling.stream().map(t -> "#" + t.value()).collect(java.util.stream.Collectors.joining(", "))
                    + ": give them another group or none first (vpnbot tariff set-group ID none)");
        }
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (!ServerGroup.isValidName(trimmed)) {
            throw new Refusal(Refusal.Reason.INVALID_INPUT, "a group name is 1 to 64 letters, digits, spaces, '_', '.' or '-'");
        }
        return trimmed;
    }

    private ServerGroup found(String name) {
        return groups.findByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new Refusal(Refusal.Reason.INVALID_INPUT, "no server group " + name));
    }

    /** A group whose members can change ("all" has none). */
    private ServerGroup named(String name) {
        ServerGroup g = found(name);
        if (g.allServers()) throw new Refusal(Refusal.Reason.INVALID_INPUT, "\"" + g.name() + "\" holds every server; it has no members to change");
        return g;
    }

    private void existingServer(ServerId server) {
        if (servers.find(server).isEmpty()) throw new Refusal(Refusal.Reason.INVALID_INPUT, "no server " + server.value());
    }
}
