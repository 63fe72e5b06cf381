package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
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
    private final Placements placements;

    /** @param placements each key's locations, all switched; null: the key's home server only */
    KeySwitch(VpnPanel panel, Servers servers, Placements placements) {
        this.panel = panel;
        this.servers = servers;
        this.placements = placements;
    }

    /** The servers the key's client is on: its active placements (its home when it has none). */
    private List<ServerId> locations(VpnKey key) {
        if (placements == null) return List.of(key.serverId());
        List<ServerId> active = placements.of(key.id()).stream().filter(Placement::isActive).map(Placement::server).toList();
        return active.isEmpty() ? List.of(key.serverId()) : active;
    }

    record Outcome(List<KeyId> switched, List<KeyId> failed) {}

    Outcome turn(List<VpnKey> keys, boolean on) {
        List<KeyId> switched = new ArrayList<>();
        List<KeyId> failed = new ArrayList<>();
        for (VpnKey key : keys) {
            boolean allDone = true;
            for (ServerId location : locations(key)) {
                Optional<Server> server = servers.find(location);
                if (server.isEmpty()) continue; // its server is gone, and the client with it
                try {
                    panel.setEnabled(server.get(), key.client(), on);
                } catch (PanelException e) {
                    if (!on && e.kind() == PanelFault.CLIENT_NOT_FOUND) continue; // a client that is gone is off
                    allDone = false;
                }
            }
            (allDone ? switched : failed).add(key.id());
        }
        return new Outcome(switched, failed);
    }
}
