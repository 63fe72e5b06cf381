package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Instant;
import java.util.Optional;

/** Test double base: passes every call to the real panel adapter; subclasses twist one. */
abstract class ForwardingPanel implements VpnPanel {
    protected final VpnPanel panel;

    ForwardingPanel(VpnPanel panel) {
        this.panel = panel;
    }

    @Override
    public PanelRepair repairClient(Server server, NewPanelClient wanted) {
        return panel.repairClient(server, wanted);
    }

    @Override
    public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
        panel.setExpiry(server, client, expiresAt);
    }

    @Override
    public void setEnabled(Server server, PanelClientId client, boolean enabled) {
        panel.setEnabled(server, client, enabled);
    }

    @Override
    public Optional<PanelClientState> findClient(Server server, PanelClientId client) {
        return panel.findClient(server, client);
    }

    @Override
    public void deleteClient(Server server, PanelClientId client) {
        panel.deleteClient(server, client);
    }

    @Override
    public KeyLinks links(Server server, PanelClientId client) {
        return panel.links(server, client);
    }
}
