package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v2.9 panel, the last legacy line (global case-insensitive emails). */
class V2_9ContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V2_9;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.LEGACY;
    }
}
