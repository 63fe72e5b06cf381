package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v2.8 (404 for expired sessions) panel. */
class V2_8ContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V2_8;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.LEGACY;
    }
}
