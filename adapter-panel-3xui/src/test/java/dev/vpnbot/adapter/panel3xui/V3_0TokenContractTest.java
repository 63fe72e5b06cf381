package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v3.0 with an API token panel. */
class V3_0TokenContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V3_0;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.V3_0;
    }

    @Override
    protected boolean usesToken() {
        return true;
    }
}
