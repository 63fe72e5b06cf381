package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.contract.AbstractVpnPanelContractTest;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The {@code VpnPanel} contract on the 3x-ui adapter, against the fake panel in one profile. */
abstract class ThreeXuiVpnPanelContract extends AbstractVpnPanelContractTest {
    private FakeThreeXuiPanel fake;
    private ThreeXuiPanel panel;
    private Server server;

    protected abstract Profile profile();

    @BeforeEach
    void startPanel() {
        fake = FakeThreeXuiPanel.builder().profile(profile()).start();
        panel = new ThreeXuiPanel(ThreeXuiPanelContract.FAST, Clock.systemUTC());
        server = new Server(new ServerId(1), "Test server", fake.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 100, 0);
    }

    @AfterEach
    void stopPanel() {
        panel.close();
        fake.close();
    }

    @Override
    protected VpnPanel panel() {
        return panel;
    }

    @Override
    protected Server server() {
        return server;
    }
}
