package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;

/**
 * Outgoing port: a key's device and traffic limits on its panel, apart from {@link VpnPanel}'s
 * expiry and switch. Every method may throw {@link PanelException}; {@link
 * dev.vpnbot.application.model.panel.PanelFault#CLIENT_NOT_FOUND} when the client is gone.
 */
public interface ClientQuota {

    /**
     * Sets the client's device limit and traffic quota in bytes (0 = none), changing no other field.
     * Setting what the panel already holds writes nothing.
     */
    void setLimits(Server server, PanelClientId client, int limitIp, long totalBytes);

    /** The used traffic starts from zero again (and a client the panel switched off for its quota comes back on). */
    void resetTraffic(Server server, PanelClientId client);
}
