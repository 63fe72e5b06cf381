package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Adds and looks after servers. Nothing is stored unless the panel answered with these exact
 * settings: a server in our list is one we know we can create keys on.
 */
public final class ServerAdministration implements ManageServersUseCase {
    private final Admins admins;
    private final Servers servers;
    private final PanelInspection inspection;
    private final ServerProvisioning provisioning;

    public ServerAdministration(Admins admins, Servers servers, PanelInspection inspection) {
        this.admins = admins;
        this.servers = servers;
        this.inspection = inspection;
        this.provisioning = new ServerProvisioning(servers, inspection);
    }

    @Override
    public PanelProbe testConnection(UserId actor, PanelConnection connection) {
        admins.require(actor);
        return inspection.probe(connection);
    }

    @Override
    public Server addServer(AddServerCommand command) {
        admins.require(command.actor());
        return provisioning.provision(command.name(), command.connection(), command.inboundId(), command.createInbound(),
                command.maxClients());
    }

    @Override
    public List<Server> listServers(UserId actor) {
        admins.require(actor);
        return servers.all();
    }

    @Override
    public PanelProbe testServer(UserId actor, ServerId id) {
        admins.require(actor);
        Server server = existing(id);
        return inspection.probe(server.connection(), server.inboundId());
    }

    @Override
    public Server rename(UserId actor, ServerId id, String name) {
        admins.require(actor);
        return store(TariffAdministration.valid(() -> existing(id).withName(name)));
    }

    @Override
    public Server setMaxClients(UserId actor, ServerId id, int maxClients) {
        admins.require(actor);
        return store(TariffAdministration.valid(() -> existing(id).withMaxClients(maxClients)));
    }

    @Override
    public Server setActive(UserId actor, ServerId id, boolean active) {
        admins.require(actor);
        return store(existing(id).withActive(active));
    }

    @Override
    public Server changeCredentials(UserId actor, ServerId id, PanelCredentials credentials) {
        admins.require(actor);
        Server server = existing(id);
        PanelConnection changed = server.connection().withCredentials(credentials);
        requireHealthy(inspection.probe(changed, server.inboundId()));
        return store(server.withConnection(changed));
    }

    @Override
    public void deleteServer(UserId actor, ServerId id) {
        admins.require(actor);
        Server server = existing(id);
        if (server.activeKeys() > 0) {
            throw new Refusal(Refusal.Reason.SERVER_HAS_ACTIVE_KEYS, server.name() + " still has " + server.activeKeys() + " active keys");
        }
        servers.delete(id);
    }

    private Server store(Server server) {
        servers.save(server);
        return servers.find(server.id()).orElse(server);
    }

    private Server existing(ServerId id) {
        return servers.find(id).orElseThrow(() -> new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "no server " + id));
    }

    private static void requireHealthy(PanelProbe probe) {
        ServerProvisioning.requireHealthy(probe);
    }
}
