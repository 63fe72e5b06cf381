package dev.vpnbot.adapter.simulated;

import dev.vpnbot.application.contract.AbstractVpnPanelContractTest;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.server.Server;

/** The {@code VpnPanel} contract on the simulated panel the sandbox and the tests use. */
class SimulatedVpnPanelContractTest extends AbstractVpnPanelContractTest {
    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private final Server server = ServerMother.server(1, "Frankfurt");

    @Override
    protected VpnPanel panel() {
        return panel;
    }

    @Override
    protected Server server() {
        return server;
    }
}
