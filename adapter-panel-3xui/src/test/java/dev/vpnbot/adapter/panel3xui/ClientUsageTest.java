package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key card's usage read on every release line: getClientTraffics/:email up to v3.0,
 * clients/traffic/:email from v3.1, each answering like its Go source in the fake panel.
 */
class ClientUsageTest {
    private static final ThreeXuiSettings FAST = ThreeXuiSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
            .withBusyRetries(2, Duration.ofMillis(10));

    private FakeThreeXuiPanel fake;
    private ThreeXuiPanel panel;
    private Server server;

    private void start(Profile profile) {
        fake = FakeThreeXuiPanel.builder().profile(profile).start();
        panel = new ThreeXuiPanel(FAST, Clock.systemUTC());
        server = new Server(new ServerId(1), "Test server", fake.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 100, 0);
    }

    @AfterEach
    void stop() {
        if (panel != null) panel.close();
        if (fake != null) fake.close();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_fresh_client_reports_its_quota_no_traffic_and_never_online(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);

        PanelUsage usage = panel.usage(server, client.id()).orElseThrow();

        assertThat(usage.enabled()).isTrue();
        assertThat(usage.usedBytes()).isZero();
        assertThat(usage.totalBytes()).isEqualTo(client.totalBytes());
        assertThat(usage.lastOnline()).isNull();
        assertThat(usage.everConnected()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void traffic_and_last_online_come_from_the_traffic_row_where_the_panel_keeps_them(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.setTraffic(client.id().email(), 1_000, 2_500);

        PanelUsage usage = panel.usage(server, client.id()).orElseThrow();

        assertThat(usage.uploadBytes()).isEqualTo(1_000);
        assertThat(usage.downloadBytes()).isEqualTo(2_500);
        assertThat(usage.everConnected()).isTrue();
        if (profile == Profile.V2_4 || profile == Profile.V2_7) {
            assertThat(usage.lastOnline()).as("lastOnline arrived with v2.8").isNull();
        } else {
            long stored = ((Number) fake.traffic(client.id().email()).orElseThrow().get("lastOnline")).longValue();
            assertThat(stored).isPositive();
            assertThat(usage.lastOnline()).isEqualTo(java.time.Instant.ofEpochMilli(stored));
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_client_over_its_quota_is_reported_used_up_and_switched_off(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.setTraffic(client.id().email(), client.totalBytes() / 2, client.totalBytes() / 2 + 1);
        fake.trafficTick();

        PanelUsage usage = panel.usage(server, client.id()).orElseThrow();

        assertThat(usage.quotaUsedUp()).isTrue();
        // v2.8.11 reports the client's own switch, which the traffic job leaves on
        assertThat(usage.enabled()).isEqualTo(profile == Profile.V2_8);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void an_unknown_email_or_someone_elses_client_is_no_usage(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        assertThat(panel.usage(server, client.id())).isEmpty();

        panel.createClient(server, client);
        PanelClientId impostor = new PanelClientId(UUID.randomUUID(), client.id().email(), client.id().subId());
        if (profile != Profile.V2_4 && profile != Profile.V2_7) {
            assertThat(panel.usage(server, impostor)).as("the row's uuid is not ours").isEmpty();
        }
    }
}
