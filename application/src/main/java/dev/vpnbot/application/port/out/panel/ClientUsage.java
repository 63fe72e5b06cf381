package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.util.Optional;

/**
 * Outgoing port: how much a key's panel client has used. A read only, kept apart from
 * {@link VpnPanel} (which changes clients). May throw {@link PanelException}.
 */
public interface ClientUsage {

    /** The client's traffic and switch; empty when the panel has no such client (or it is not ours). */
    Optional<PanelUsage> usage(Server server, PanelClientId client);
}
