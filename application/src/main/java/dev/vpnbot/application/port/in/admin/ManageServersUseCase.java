package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Use case (admins only): bring panels into service and look after them. Adding a server is
 * two steps: {@link #testConnection} shows what the panel is (API generation, certificate
 * fingerprint to confirm and pin, inbounds), then {@link #addServer} with the confirmed pin
 * and a chosen inbound (or a request to create a VLESS Reality inbound) stores it.
 */
public interface ManageServersUseCase {

    /**
     * @param inboundId     an existing VLESS inbound, or null when {@code createInbound} is given
     * @param createInbound a Reality inbound to create on the panel, or null
     */
    record AddServerCommand(UserId actor, String name, PanelConnection connection, Integer inboundId,
                            RealityInboundRequest createInbound, int maxClients) {
        public AddServerCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(connection, "connection");
            if ((inboundId == null) == (createInbound == null)) {
                throw new IllegalArgumentException("give either an inbound id or an inbound to create");
            }
        }
    }

    /** Tests a panel before it is added; never throws for panel trouble (the probe names it). */
    PanelProbe testConnection(UserId actor, PanelConnection connection);

    /** Refuses ({@link PanelRefused}, with the panel's precise cause) when the panel or inbound fails the test. */
    Server addServer(AddServerCommand command);

    List<Server> listServers(UserId actor);

    PanelProbe testServer(UserId actor, ServerId id);

    Server rename(UserId actor, ServerId id, String name);

    Server setMaxClients(UserId actor, ServerId id, int maxClients);

    Server setActive(UserId actor, ServerId id, boolean active);

    /** New credentials are tested before they replace the old ones ({@link PanelRefused} when they fail). */
    Server changeCredentials(UserId actor, ServerId id, PanelCredentials credentials);

    /** Only a server without active keys can go. */
    void deleteServer(UserId actor, ServerId id);
}
