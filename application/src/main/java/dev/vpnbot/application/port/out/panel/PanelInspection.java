package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.server.PanelConnection;
import java.util.List;

/**
 * Outgoing port: what an admin needs when adding or provisioning a server: test a panel
 * connection, see its inbounds, create a VLESS Reality inbound. Every method except the
 * probes may throw {@link PanelException}; its kind names the cause (wrong base path, bad
 * credentials, TLS pin mismatch or untrusted certificate, inbound missing, unsupported
 * version, unreachable).
 */
public interface PanelInspection {

    /** Tests the connection end to end. Never throws for panel trouble: the report says what failed. */
    PanelProbe probe(PanelConnection connection);

    /**
     * As {@link #probe(PanelConnection)}, and also checks that the inbound exists and is VLESS
     * ({@link PanelFault#INBOUND_NOT_FOUND} otherwise).
     */
    PanelProbe probe(PanelConnection connection, int inboundId);

    List<PanelInbound> listInbounds(PanelConnection connection);

    /**
     * Creates a VLESS + Reality inbound on TCP with the panel's own key generator where it has
     * one. A port that is already taken is {@link PanelFault#REJECTED}.
     */
    PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request);
}
