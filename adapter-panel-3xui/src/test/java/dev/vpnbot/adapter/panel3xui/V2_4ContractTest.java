package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v2.4 panel (307 redirects, loginSecret, no created_at). */
class V2_4ContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V2_4;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.LEGACY;
    }
}
