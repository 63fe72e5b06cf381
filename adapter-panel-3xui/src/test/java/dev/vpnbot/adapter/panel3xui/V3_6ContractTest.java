package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v3.6 panel, the newest release (a client already on the inbound is skipped). */
class V3_6ContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V3_6;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.CLIENTS_API;
    }
}
