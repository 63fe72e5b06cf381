package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Switches keys on or off on their panels, after our records already say so: a panel that
 * cannot be reached leaves the key listed as failed (the caller retries), never half-written.
 */
final class KeySwitch {
    private final VpnPanel panel;
    private final Servers servers;

    KeySwitch(VpnPanel panel, Servers servers) {
        this.panel = panel;
        this.servers = servers;
    }

    record Outcome(List<KeyId> switched, List<KeyId> failed) {}

    Outcome turn(List<VpnKey> keys, boolean on) {
        List<KeyId> switched = new ArrayList<>();
        List<KeyId> failed = new ArrayList<>();
        for (VpnKey key : keys) {
            Optional<Server> server = servers.find(key.serverId());
            if (server.isEmpty()) continue; // its server is gone, and the client with it
            try {
                panel.setEnabled(server.get(), key.client(), on);
                switched.add(key.id());
            } catch (PanelException e) {
                if (!on && e.kind() == PanelFault.CLIENT_NOT_FOUND) {
                    switched.add(key.id()); // a client that is gone is off
                    continue;
                }
                failed.add(key.id());
            }
        }
        return new Outcome(switched, failed);
    }
}
