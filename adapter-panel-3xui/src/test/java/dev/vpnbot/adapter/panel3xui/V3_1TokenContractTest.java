package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v3.1+ clients API with an API token panel. */
class V3_1TokenContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V3_1;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.CLIENTS_API;
    }

    @Override
    protected boolean usesToken() {
        return true;
    }
}
