package dev.vpnbot.bootstrap.schedule;

import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.util.UUID;

/**
 * Asks every server's panel a harmless question (look up a client that never exists), so
 * {@code /healthz} knows each panel's state even when nobody is buying. Goes through the
 * measured panel, which records the outcome; a failing panel is not an error here.
 */
public final class PanelProbe {
    /** A client id no key ever has: our emails are "vpnbot-k&lt;key&gt;-u&lt;user&gt;". */
    static final PanelClientId NOBODY = new PanelClientId(new UUID(0, 0), "vpnbot-health-probe", "vpnbothealthprobe");

    private final Servers servers;
    private final VpnPanel panel;
    private final Runnable afterEachRound;

    public PanelProbe(Servers servers, VpnPanel panel) {
        this(servers, panel, () -> { });
    }

    /** @param afterEachRound run after every round (the sales watch: alerts the admins when no server can sell) */
    public PanelProbe(Servers servers, VpnPanel panel, Runnable afterEachRound) {
        this.servers = servers;
        this.panel = panel;
        this.afterEachRound = afterEachRound;
    }

    /** Returns how many panels answered. */
    public int probeAll() {
        int answered = 0;
        for (Server server : servers.all()) {
            try {
                panel.findClient(server, NOBODY);
                answered++;
            } catch (RuntimeException e) {
                // recorded by the measured panel for /healthz and /metrics
            }
        }
        afterEachRound.run();
        return answered;
    }
}
