package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;

/** The {@code VpnPanel} contract every panel implementation keeps, on the 3x-ui adapter against a V3.6 panel. */
class V3_6VpnPanelContractTest extends ThreeXuiVpnPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V3_6;
    }
}
