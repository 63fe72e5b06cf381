package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;

/** The {@code VpnPanel} contract every panel implementation keeps, on the 3x-ui adapter against a V2.8 panel. */
class V2_8VpnPanelContractTest extends ThreeXuiVpnPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V2_8;
    }
}
