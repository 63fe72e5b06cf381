package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.port.in.admin.PanelRefused;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;

/**
 * Brings one panel into service: probe it (and the chosen inbound), or create the VLESS Reality
 * inbound, then store the server. Shared by the admin's add-server flow and node enrolment, so
 * both add servers the same way; it checks no caller (its callers do).
 */
final class ServerProvisioning {
    private final Servers servers;
    private final PanelInspection inspection;

    ServerProvisioning(Servers servers, PanelInspection inspection) {
        this.servers = servers;
        this.inspection = inspection;
    }

    /** Refuses ({@link PanelRefused}) when the panel or inbound fails the test or the panel refuses the inbound. */
    Server provision(String name, PanelConnection connection, Integer inboundId, RealityInboundRequest createInbound, int maxClients) {
        int id;
        if (inboundId != null) {
            requireHealthy(inspection.probe(connection, inboundId));
            id = inboundId;
        } else {
            requireHealthy(inspection.probe(connection));
            id = panelCall(() -> inspection.createRealityInbound(connection, createInbound)).id();
        }
        Server server = TariffAdministration.valid(() -> new Server(servers.nextId(), name, connection, id, true, maxClients, 0));
        servers.save(server);
        return server;
    }

    static void requireHealthy(PanelProbe probe) {
        if (!probe.ok()) throw new PanelRefused(probe.problem());
    }

    private static PanelInbound panelCall(java.util.function.Supplier<PanelInbound> call) {
        try {
            return call.get();
        } catch (PanelException e) {
            throw new PanelRefused(new PanelProbe.Problem(e.kind(), e.getMessage()));
        }
    }
}
