package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;

/** The adapter's contract against a v3.3–v3.4 panel, whose retried add appends a second copy of the client. */
class V3_3ContractTest extends ThreeXuiPanelContract {
    @Override
    protected Profile profile() {
        return Profile.V3_3;
    }

    @Override
    protected ApiGeneration expectedGeneration() {
        return ApiGeneration.CLIENTS_API;
    }
}
