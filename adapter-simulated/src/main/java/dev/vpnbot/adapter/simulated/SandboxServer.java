package dev.vpnbot.adapter.simulated;

import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;

/**
 * SANDBOX ONLY — makes sure the sandbox shop has a server to sell keys on: one server whose
 * "panel" is the {@link SimulatedVpnPanel}, at an address that cannot be reached.
 */
public final class SandboxServer {
    public static final String NAME = "🧪 Sandbox";
    static final String PANEL_URL = "https://sandbox-panel.invalid/sandbox/";

    private SandboxServer() {}

    /** Returns the sandbox server, creating it on first use. */
    public static Server ensure(Servers servers) {
        return servers.all().stream().filter(s -> s.connection().baseUrl().equals(PANEL_URL)).findFirst().orElseGet(() -> {
            Server server = new Server(servers.nextId(), NAME,
                    new PanelConnection(PANEL_URL, new PanelCredentials.ApiToken("sandbox"), null), 1, true, 1000, 0);
            servers.save(server);
            return server;
        });
    }
}
