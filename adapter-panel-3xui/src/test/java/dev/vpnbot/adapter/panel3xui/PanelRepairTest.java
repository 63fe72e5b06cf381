package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code repairClient} on every release line: the panel ends up holding exactly the client our
 * database describes, and an answer that cannot be trusted is refused before anything is written.
 */
class PanelRepairTest {
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
    void a_client_that_agrees_with_the_database_gets_no_write(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        assertThat(panel.repairClient(server, client).fixes()).containsExactly(Fix.CREATED);
        int writes = writes();

        PanelRepair again = panel.repairClient(server, client);

        assertThat(again.changed()).isFalse();
        assertThat(writes()).isEqualTo(writes);
        assertThat(again.links().vlessUrl()).contains(client.id().uuid().toString());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void hand_edits_of_expiry_switch_flow_and_subId_are_put_back_from_the_database(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        String email = client.id().email();
        fake.editClient(email, "expiryTime", client.expiresAt().toEpochMilli() - 86_400_000L);
        fake.editClient(email, "enable", false);
        fake.editClient(email, "flow", "");
        fake.editClient(email, "subId", "changed-by-hand");

        PanelRepair repair = panel.repairClient(server, client);

        assertThat(repair.fixes()).containsExactlyInAnyOrder(Fix.EXPIRY, Fix.ENABLED, Fix.FLOW, Fix.SUB_ID);
        Map<String, Object> stored = fake.storedClient(email).orElseThrow();
        assertThat(((Number) stored.get("expiryTime")).longValue()).isEqualTo(client.expiresAt().toEpochMilli());
        assertThat(stored).containsEntry("enable", true).containsEntry("flow", "xtls-rprx-vision")
                .containsEntry("subId", client.id().subId()).containsEntry("id", client.id().uuid().toString());
        assertThat(fake.copiesOf(email)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_client_deleted_by_hand_comes_back_under_the_same_identity(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.removeClient(client.id().email());

        assertThat(panel.repairClient(server, client).fixes()).contains(Fix.CREATED);

        assertThat(fake.storedClient(client.id().email()).orElseThrow())
                .containsEntry("id", client.id().uuid().toString()).containsEntry("subId", client.id().subId());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void copies_of_our_client_in_one_inbound_are_collapsed_into_one_with_the_paid_expiry(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        Map<String, Object> stale = new LinkedHashMap<>(fake.storedClient(client.id().email()).orElseThrow());
        stale.put("expiryTime", client.expiresAt().toEpochMilli() - 86_400_000L); // what an older bot's retry left
        fake.putClient(FakeThreeXuiPanel.REALITY_INBOUND_ID, stale);
        assertThat(fake.copiesOf(client.id().email())).isEqualTo(2);

        PanelRepair repair = panel.repairClient(server, client);

        assertThat(repair.fixes()).contains(Fix.DUPLICATES_REMOVED);
        assertThat(fake.copiesOf(client.id().email())).isEqualTo(1);
        assertThat(((Number) fake.storedClient(client.id().email()).orElseThrow().get("expiryTime")).longValue())
                .isEqualTo(client.expiresAt().toEpochMilli());
        assertThat(fake.storedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID))
                .anySatisfy(c -> assertThat(c).containsEntry("email", FakeThreeXuiPanel.OPERATOR_EMAIL));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_renewal_of_a_client_with_two_copies_leaves_one_on_the_new_expiry(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.putClient(FakeThreeXuiPanel.REALITY_INBOUND_ID, fake.storedClient(client.id().email()).orElseThrow());

        panel.setExpiry(server, client.id(), client.expiresAt().plus(Duration.ofDays(30)));

        assertThat(fake.copiesOf(client.id().email())).isEqualTo(1);
        assertThat(((Number) fake.storedClient(client.id().email()).orElseThrow().get("expiryTime")).longValue())
                .isEqualTo(client.expiresAt().plus(Duration.ofDays(30)).toEpochMilli());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void somebody_elses_client_under_our_email_is_refused_and_left_untouched(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        Map<String, Object> theirs = FakeThreeXuiPanel.clientMap(client.id().email(), "xtls-rprx-vision");
        theirs.put("subId", client.id().subId());
        fake.putClient(FakeThreeXuiPanel.REALITY_INBOUND_ID, theirs);
        int writes = writes();

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.repairClient(server, client));

        assertThat(e.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL);
        assertThat(e.getMessage()).contains("not ours");
        assertThat(writes()).isEqualTo(writes);
        assertThat(fake.storedClient(client.id().email()).orElseThrow()).containsEntry("id", theirs.get("id"));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_client_without_a_uuid_is_refused_without_a_write(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        Map<String, Object> odd = FakeThreeXuiPanel.clientMap(client.id().email(), "xtls-rprx-vision");
        odd.put("id", "");
        odd.put("subId", client.id().subId());
        fake.putClient(FakeThreeXuiPanel.REALITY_INBOUND_ID, odd);
        int writes = writes();

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.repairClient(server, client));

        assertThat(e.kind()).isIn(PanelFault.REJECTED, PanelFault.DUPLICATE_EMAIL);
        assertThat(e.kind().isTransient()).isFalse();
        assertThat(writes()).isEqualTo(writes);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V3_1", "V3_3", "V3_6"})
    void our_client_attached_to_another_inbound_as_well_is_refused_without_a_write(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.putClient(FakeThreeXuiPanel.WS_TLS_INBOUND_ID, fake.storedClient(client.id().email()).orElseThrow());
        int writes = writes();

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.repairClient(server, client));

        assertThat(e.kind()).isEqualTo(PanelFault.REJECTED);
        assertThat(e.getMessage()).contains("inbound");
        assertThat(writes()).isEqualTo(writes);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_4", "V2_9", "V3_0"})
    void settings_that_are_not_json_are_refused_without_a_write(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        fake.breakSettings(FakeThreeXuiPanel.REALITY_INBOUND_ID, "{\"clients\": [ {\"id\": ");
        int writes = writes();

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.repairClient(server, client));

        assertThat(e.kind()).isEqualTo(PanelFault.REJECTED);
        assertThat(writes()).isEqualTo(writes);
    }

    /** Requests that change something on the panel (logins aside). */
    private int writes() {
        List<String> log = fake.requestLog();
        return (int) log.stream().filter(r -> r.startsWith("POST") && !r.contains("login")).count();
    }
}
