package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Renewal, switching and deletion of one key's client cost the same in an inbound of any size
 * (issue 15, item 3): they go through the per-client routes of each generation and never read
 * the whole inbound when the generation offers another way, and they change the one client only,
 * keeping every field the panel stores.
 */
class PerClientWritesTest {
    private static final int INBOUND = FakeThreeXuiPanel.REALITY_INBOUND_ID;

    private FakeThreeXuiPanel fake;
    private ThreeXuiPanel panel;
    private Server server;

    private void start(Profile profile) {
        fake = FakeThreeXuiPanel.builder().profile(profile).start();
        fake.seedClients(INBOUND, 40);
        panel = new ThreeXuiPanel(ThreeXuiPanelContract.FAST, Clock.systemUTC());
        server = new Server(new ServerId(1), "Test server", fake.connection(), INBOUND, true, 100, 0);
    }

    @AfterEach
    void stop() {
        if (panel != null) panel.close();
        if (fake != null) fake.close();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void renewal_switching_and_deletion_change_only_our_client_and_keep_its_fields(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        String email = client.id().email();
        panel.createClient(server, client);
        fake.editClientAsAdmin(email, "comment", "paid by card");
        fake.editClientAsAdmin(email, "reset", 0);
        List<Map<String, Object>> others = othersThan(email);
        Map<String, Object> ours = comparable(fake.storedClient(email).orElseThrow());
        Instant renewed = client.expiresAt().plus(Duration.ofDays(30));

        panel.setExpiry(server, client.id(), renewed);
        assertThat(comparable(fake.storedClient(email).orElseThrow()))
                .isEqualTo(with(ours, "expiryTime", renewed.toEpochMilli()));
        panel.setEnabled(server, client.id(), false);
        assertThat(comparable(fake.storedClient(email).orElseThrow()))
                .isEqualTo(with(with(ours, "expiryTime", renewed.toEpochMilli()), "enable", false));
        panel.setEnabled(server, client.id(), true);
        assertThat(comparable(fake.storedClient(email).orElseThrow()))
                .isEqualTo(with(ours, "expiryTime", renewed.toEpochMilli()));
        assertThat(othersThan(email)).isEqualTo(others);
        assertThat(fake.copiesOf(email)).isEqualTo(1);

        panel.deleteClient(server, client.id());

        assertThat(fake.storedClient(email)).isEmpty();
        assertThat(fake.traffic(email)).isEmpty();
        assertThat(othersThan(email)).isEqualTo(others);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void renewal_switching_and_deletion_read_no_whole_inbound(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        panel.findClient(server, client.id()); // before v3.1 the drift check reads the inbound: its copy serves the next minute
        fake.clearRequestLog();

        panel.setExpiry(server, client.id(), client.expiresAt().plus(Duration.ofDays(30)));
        panel.setEnabled(server, client.id(), false);
        panel.setEnabled(server, client.id(), true);
        panel.deleteClient(server, client.id());

        assertThat(wholeInboundReads()).isZero();
        // each: one per-client read (the record, or the traffic row that vouches for the copy), the write, one read back
        assertThat(fake.requestLog()).hasSize(12);
        assertThat(fake.storedClient(client.id().email())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_renewal_with_nothing_kept_reads_the_whole_inbound_once_before_v3_1_and_never_after(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.clearRequestLog();

        panel.setExpiry(server, client.id(), client.expiresAt().plus(Duration.ofDays(30)));

        assertThat(wholeInboundReads()).isEqualTo(profile.hasClientsApi() ? 0 : 1);
        assertThat(((Number) fake.storedClient(client.id().email()).orElseThrow().get("expiryTime")).longValue())
                .isEqualTo(client.expiresAt().plus(Duration.ofDays(30)).toEpochMilli());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void looking_up_many_keys_reads_the_whole_inbound_at_most_once(Profile profile) {
        start(profile);
        List<NewPanelClient> clients = List.of(ThreeXuiPanelContract.newClient(), ThreeXuiPanelContract.newClient(),
                ThreeXuiPanelContract.newClient());
        clients.forEach(c -> panel.createClient(server, c));
        fake.setTraffic(clients.get(2).id().email(), 700, 900);
        fake.clearRequestLog();

        clients.forEach(c -> assertThat(panel.findClient(server, c.id())).isPresent());

        assertThat(wholeInboundReads()).isEqualTo(profile.hasClientsApi() ? 0 : 1);
        assertThat(panel.findClient(server, clients.get(2).id()).orElseThrow().downloadBytes()).isEqualTo(900);
        fake.editClientAsAdmin(clients.get(1).id().email(), "enable", false); // changes the traffic row too (v2.8.1+)
        fake.editClientAsAdmin(clients.get(1).id().email(), "expiryTime", 0);
        assertThat(panel.findClient(server, clients.get(1).id()).orElseThrow().expiresAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void an_admins_change_since_the_last_read_is_kept(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        String email = client.id().email();
        panel.createClient(server, client);
        panel.findClient(server, client.id());
        long adminsExpiry = client.expiresAt().plus(Duration.ofDays(3)).toEpochMilli();
        fake.editClientAsAdmin(email, "expiryTime", adminsExpiry);
        fake.editClientAsAdmin(email, "limitIp", 5);

        panel.setEnabled(server, client.id(), false);

        Map<String, Object> stored = fake.storedClient(email).orElseThrow();
        assertThat(((Number) stored.get("expiryTime")).longValue()).isEqualTo(adminsExpiry);
        assertThat(stored.get("limitIp")).isEqualTo(5);
        assertThat(stored.get("enable")).isEqualTo(false);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void someone_elses_client_with_our_email_is_refused_and_left_alone(Profile profile) {
        start(profile);
        PanelClientId ours = new PanelClientId(UUID.randomUUID(), "vpnbot-theirs-" + profile, "subtheirs" + profile.ordinal());
        Map<String, Object> theirs = FakeThreeXuiPanel.clientMap(ours.email(), "xtls-rprx-vision");
        theirs.put("id", UUID.randomUUID().toString());
        theirs.put("subId", ours.subId());
        theirs.put("expiryTime", Instant.now().plus(Duration.ofDays(5)).toEpochMilli());
        fake.putClient(INBOUND, theirs);
        panel.findClient(server, ours);
        Map<String, Object> before = fake.storedClient(ours.email()).orElseThrow();

        assertThatThrownBy(() -> panel.setExpiry(server, ours, Instant.now().plus(Duration.ofDays(40))))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL));
        assertThatThrownBy(() -> panel.deleteClient(server, ours))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL));

        assertThat(fake.storedClient(ours.email()).orElseThrow()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_client_without_a_traffic_row_is_still_deleted(Profile profile) {
        start(profile);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);
        fake.dropTraffic(client.id().email());
        int others = fake.clientCount(INBOUND) - 1;

        panel.deleteClient(server, client.id());

        assertThat(fake.storedClient(client.id().email())).isEmpty();
        assertThat(fake.clientCount(INBOUND)).isEqualTo(others);
    }

    private long wholeInboundReads() {
        return fake.requestLog().stream().filter(r -> r.contains("inbounds/get/") || r.contains("inbounds/list")).count();
    }

    private List<Map<String, Object>> othersThan(String email) {
        return fake.storedClients(INBOUND).stream().filter(c -> !email.equalsIgnoreCase(String.valueOf(c.get("email")))).toList();
    }

    /** The client without the times the panel stamps on every write. */
    private static Map<String, Object> comparable(Map<String, Object> client) {
        Map<String, Object> copy = new LinkedHashMap<>(client);
        copy.remove("updated_at");
        copy.remove("created_at");
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> client, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(client);
        copy.put(key, value);
        return copy;
    }
}
