package dev.vpnbot.bootstrap.sandbox;

import dev.vpnbot.application.model.panel.PanelApi;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.server.PanelConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SANDBOX ONLY — what the admin panel's connection test sees in the sandbox: every panel
 * address answers as a v2.x panel with one VLESS Reality inbound, so adding a server can be
 * tried end to end. Nothing is contacted.
 */
public final class SimulatedPanelInspection implements PanelInspection {
    private final List<PanelInbound> inbounds = new CopyOnWriteArrayList<>(List.of(
            new PanelInbound(1, "sandbox-reality", "vless", 443, "tcp", "reality", true, 0)));
    private final AtomicInteger nextId = new AtomicInteger(1);

    @Override
    public PanelProbe probe(PanelConnection connection) {
        return new PanelProbe(new PanelApi("LEGACY", "v1.x–v2.x"), "sandbox", true, null, inbounds, null, null);
    }

    @Override
    public PanelProbe probe(PanelConnection connection, int inboundId) {
        PanelProbe probe = probe(connection);
        if (probe.inbound(inboundId).isEmpty()) {
            return new PanelProbe(new PanelApi("LEGACY", "v1.x–v2.x"), "sandbox", true, null, inbounds, null,
                    new PanelProbe.Problem(PanelException.Kind.INBOUND_NOT_FOUND, "the sandbox panel has no inbound " + inboundId));
        }
        return probe;
    }

    @Override
    public List<PanelInbound> listInbounds(PanelConnection connection) {
        return List.copyOf(inbounds);
    }

    @Override
    public PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request) {
        PanelInbound created = new PanelInbound(nextId.incrementAndGet(), request.remark(), "vless", request.port(), "tcp", "reality", true, 0);
        inbounds.add(created);
        return created;
    }
}
