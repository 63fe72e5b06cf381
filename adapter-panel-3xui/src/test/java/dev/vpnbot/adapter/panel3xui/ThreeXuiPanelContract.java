package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Fault;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the 3x-ui adapter, run against the fake panel in every profile (and with
 * password or API token where the panel version allows). What passes here must also hold
 * against a real panel of that version.
 */
abstract class ThreeXuiPanelContract {

    // a call timeout of a few seconds: on a loaded 2-core machine a 1 s limit cut writes that the
    // fake was still applying, and the next queued write then overlapped it
    static final ThreeXuiSettings FAST = ThreeXuiSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10))
            .withBusyRetries(3, Duration.ofMillis(10));
    private static final AtomicInteger KEYS = new AtomicInteger();

    protected FakeThreeXuiPanel fake;
    protected ThreeXuiPanel panel;
    protected Server server;

    protected abstract Profile profile();

    protected abstract ApiGeneration expectedGeneration();

    /** Whether the adapter connects with the panel's API token instead of a password. */
    protected boolean usesToken() {
        return false;
    }

    protected PanelConnection connection() {
        return usesToken() ? fake.tokenConnection() : fake.connection();
    }

    @BeforeEach
    void start_panel() {
        fake = FakeThreeXuiPanel.builder().profile(profile()).start();
        panel = new ThreeXuiPanel(FAST, Clock.systemUTC());
        server = serverOn(FakeThreeXuiPanel.REALITY_INBOUND_ID);
    }

    @AfterEach
    void stop_panel() {
        panel.close();
        fake.close();
    }

    // --- creation ----------------------------------------------------------------------------

    @Test
    void creates_a_vision_client_on_a_reality_tcp_inbound_with_every_field() {
        NewPanelClient client = newClient();

        panel.createClient(server, client);

        Map<String, Object> stored = fake.storedClient(client.id().email()).orElseThrow();
        assertThat(stored.get("id")).isEqualTo(client.id().uuid().toString());
        assertThat(stored.get("flow")).isEqualTo("xtls-rprx-vision");
        assertThat(stored.get("email")).isEqualTo(client.id().email());
        assertThat(stored.get("subId")).isEqualTo(client.id().subId());
        assertThat(stored.get("limitIp")).isEqualTo(2);
        assertThat(((Number) stored.get("totalGB")).longValue()).isEqualTo(client.totalBytes());
        assertThat(((Number) stored.get("expiryTime")).longValue()).isEqualTo(client.expiresAt().toEpochMilli());
        assertThat(stored.get("enable")).isEqualTo(true);
        assertThat(stored.get("tgId")).isInstanceOf(Number.class);
        assertThat(((Number) stored.get("tgId")).longValue()).isEqualTo(client.telegramId());
        assertThat(fake.storedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID)).hasSize(2);
    }

    @Test
    void a_client_on_a_websocket_inbound_gets_no_vision_flow() {
        NewPanelClient client = newClient();

        panel.createClient(serverOn(FakeThreeXuiPanel.WS_TLS_INBOUND_ID), client);

        // from v3.0 the panel stores model.Client, whose flow is omitempty: "" comes back as no key at all
        assertThat(fake.storedClient(client.id().email()).orElseThrow().getOrDefault("flow", "")).isEqualTo("");
    }

    @Test
    void a_new_client_is_put_on_the_panel_through_its_client_routes_without_reading_the_whole_inbound() {
        panel.createClient(server, newClient()); // the inbound's shape (stream, Reality) is read here and kept
        fake.seedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID, 50);
        fake.clearRequestLog();
        NewPanelClient client = newClient();

        KeyLinks links = panel.createClient(server, client);

        assertThat(fake.requestLog()).noneMatch(r -> r.contains("inbounds/get/") || r.contains("inbounds/list"));
        assertThat(fake.requestLog()).hasSize(3); // is the email free, add, read it back
        assertThat(fake.storedClient(client.id().email()).orElseThrow().get("id")).isEqualTo(client.id().uuid().toString());
        assertThat(links.vlessUrl()).contains(client.id().uuid().toString()).contains("security=reality");
    }

    @Test
    void a_retried_creation_is_done_without_a_second_client() {
        NewPanelClient client = newClient();
        KeyLinks first = panel.createClient(server, client);

        KeyLinks again = panel.createClient(server, client);

        assertThat(fake.storedClients(FakeThreeXuiPanel.REALITY_INBOUND_ID)).hasSize(2);
        assertThat(again.subscriptionUrl()).isEqualTo(first.subscriptionUrl());
        assertThat(again.vlessUrl()).isEqualTo(first.vlessUrl());
    }

    @Test
    void a_retried_creation_switches_a_lagging_client_on_and_raises_its_expiry() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        panel.setEnabled(server, client.id(), false);
        NewPanelClient later = new NewPanelClient(client.id(), client.expiresAt().plus(Duration.ofDays(30)),
                client.telegramId(), client.limitIp(), client.totalBytes());

        panel.createClient(server, later);

        Map<String, Object> stored = fake.storedClient(client.id().email()).orElseThrow();
        assertThat(stored.get("enable")).isEqualTo(true);
        assertThat(((Number) stored.get("expiryTime")).longValue()).isEqualTo(later.expiresAt().toEpochMilli());
        assertThat(stored.get("flow")).isEqualTo("xtls-rprx-vision");
    }

    @Test
    void an_email_taken_by_someone_elses_client_is_a_duplicate_and_that_client_is_left_alone() {
        NewPanelClient client = newClient();
        Map<String, Object> foreign = FakeThreeXuiPanel.clientMap(client.id().email(), "xtls-rprx-vision");
        fake.putClient(FakeThreeXuiPanel.REALITY_INBOUND_ID, foreign);

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.createClient(server, client));

        assertThat(e.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL);
        assertThat(e.getMessage()).contains(client.id().email());
        assertThat(fake.storedClient(client.id().email()).orElseThrow().get("id")).isEqualTo(foreign.get("id"));
        assertThatThrownBy(() -> panel.setExpiry(server, client.id(), Instant.now().plus(Duration.ofDays(3))))
                .isInstanceOfSatisfying(PanelException.class, x -> assertThat(x.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL));
        assertThatThrownBy(() -> panel.deleteClient(server, client.id()))
                .isInstanceOfSatisfying(PanelException.class, x -> assertThat(x.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL));
        assertThat(fake.storedClient(client.id().email())).isPresent();
    }

    @Test
    void an_unknown_inbound_is_reported_as_such() {
        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.createClient(serverOn(77), newClient()));

        assertThat(e.kind()).isEqualTo(PanelFault.INBOUND_NOT_FOUND);
        assertThat(e.getMessage()).contains("77");
    }

    @Test
    void a_non_vless_inbound_is_not_used_for_keys() {
        int trojan = fake.addTrojanInbound(9443, "trojan");

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.createClient(serverOn(trojan), newClient()));

        assertThat(e.kind()).isEqualTo(PanelFault.INBOUND_NOT_FOUND);
        assertThat(e.getMessage()).contains("trojan");
    }

    // --- read-modify-write --------------------------------------------------------------------

    @Test
    void extending_a_vision_client_twice_keeps_flow_subId_tgId_and_every_other_field() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        fake.editClient(client.id().email(), "comment", "paid by card");
        fake.editClient(client.id().email(), "reset", 0);
        fake.editClient(client.id().email(), "futureField", Map.of("kept", true));
        Instant once = client.expiresAt().plus(Duration.ofDays(30));
        Instant twice = once.plus(Duration.ofDays(30));

        panel.setExpiry(server, client.id(), once);
        panel.setExpiry(server, client.id(), twice);

        Map<String, Object> stored = fake.storedClient(client.id().email()).orElseThrow();
        assertThat(stored.get("flow")).isEqualTo("xtls-rprx-vision");
        assertThat(stored.get("subId")).isEqualTo(client.id().subId());
        assertThat(((Number) stored.get("tgId")).longValue()).isEqualTo(client.telegramId());
        assertThat(stored.get("limitIp")).isEqualTo(2);
        assertThat(((Number) stored.get("totalGB")).longValue()).isEqualTo(client.totalBytes());
        assertThat(stored.get("comment")).isEqualTo("paid by card");
        if (fake.profile().settingsAsObjects()) {
            // v3.1+ bind the update to model.Client and store that: the panel itself drops keys it does not know
            // (MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L112-L129)
            assertThat(stored).doesNotContainKey("futureField");
        } else {
            assertThat(stored.get("futureField")).isEqualTo(Map.of("kept", true)); // stored as posted: ours to keep
        }
        assertThat(stored.get("id")).isEqualTo(client.id().uuid().toString());
        assertThat(((Number) stored.get("expiryTime")).longValue()).isEqualTo(twice.toEpochMilli());
        assertThat(stored.get("enable")).isEqualTo(true);
        assertThat(panel.findClient(server, client.id()).orElseThrow().flow()).isEqualTo("xtls-rprx-vision");
    }

    @Test
    void setting_the_expiry_switches_a_disabled_client_back_on() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        panel.setEnabled(server, client.id(), false);

        panel.setExpiry(server, client.id(), client.expiresAt().plus(Duration.ofDays(1)));

        assertThat(fake.storedClient(client.id().email()).orElseThrow().get("enable")).isEqualTo(true);
    }

    @Test
    void switching_a_client_off_and_on_changes_nothing_else() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        Map<String, Object> before = withoutServerFields(fake.storedClient(client.id().email()).orElseThrow());

        panel.setEnabled(server, client.id(), false);
        assertThat(fake.storedClient(client.id().email()).orElseThrow().get("enable")).isEqualTo(false);
        assertThat(panel.findClient(server, client.id()).orElseThrow().enabled()).isFalse();
        panel.setEnabled(server, client.id(), true);

        assertThat(withoutServerFields(fake.storedClient(client.id().email()).orElseThrow())).isEqualTo(before);
    }

    @Test
    void an_old_text_tgId_is_tolerated_and_written_back_as_a_number() {
        PanelClientId id = newId();
        Map<String, Object> old = FakeThreeXuiPanel.clientMap(id.email(), "xtls-rprx-vision");
        old.put("id", id.uuid().toString());
        old.put("subId", id.subId());
        old.put("tgId", "");
        old.put("expiryTime", Instant.now().plus(Duration.ofDays(1)).toEpochMilli());
        fake.putClient(FakeThreeXuiPanel.REALITY_INBOUND_ID, old);

        assertThat(panel.findClient(server, id)).isPresent();
        panel.setExpiry(server, id, Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MILLIS));

        Map<String, Object> stored = fake.storedClient(id.email()).orElseThrow();
        assertThat(stored.get("tgId")).isInstanceOf(Number.class);
        assertThat(((Number) stored.get("tgId")).longValue()).isZero();
        assertThat(stored.get("flow")).isEqualTo("xtls-rprx-vision");
    }

    @Test
    void changing_a_client_that_is_gone_is_CLIENT_NOT_FOUND() {
        PanelClientId id = newId();

        assertThatThrownBy(() -> panel.setExpiry(server, id, Instant.now()))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.CLIENT_NOT_FOUND));
        assertThatThrownBy(() -> panel.setEnabled(server, id, false))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.CLIENT_NOT_FOUND));
        assertThatThrownBy(() -> panel.links(server, id))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.CLIENT_NOT_FOUND));
    }

    // --- reading and deleting ----------------------------------------------------------------------

    @Test
    void finds_a_client_with_its_traffic_and_state() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        fake.setTraffic(client.id().email(), 1_000, 2_500);

        PanelClientState state = panel.findClient(server, client.id()).orElseThrow();

        assertThat(state.id()).isEqualTo(client.id());
        assertThat(state.uploadBytes()).isEqualTo(1_000);
        assertThat(state.downloadBytes()).isEqualTo(2_500);
        assertThat(state.totalBytes()).isEqualTo(client.totalBytes());
        assertThat(state.enabled()).isTrue();
        assertThat(state.expiresAt()).isEqualTo(client.expiresAt());
        assertThat(state.flow()).isEqualTo("xtls-rprx-vision");
    }

    @Test
    void a_client_the_panel_does_not_have_is_not_found() {
        assertThat(panel.findClient(server, newId())).isEmpty();
    }

    @Test
    void deleting_removes_the_client_and_deleting_again_is_fine() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);

        panel.deleteClient(server, client.id());
        panel.deleteClient(server, client.id());

        assertThat(fake.storedClient(client.id().email())).isEmpty();
        assertThat(fake.traffic(client.id().email())).isEmpty();
        assertThat(fake.storedClient(FakeThreeXuiPanel.OPERATOR_EMAIL)).isPresent();
    }

    @Test
    void deleting_the_last_client_of_an_inbound_works() {
        int empty = fake.addVlessInbound(30443, "fresh", "tcp", "reality");
        Server fresh = serverOn(empty);
        NewPanelClient client = newClient();
        panel.createClient(fresh, client);

        panel.deleteClient(fresh, client.id());

        assertThat(fake.clientCount(empty)).isZero();
        assertThat(fake.inboundIds()).contains(empty);
    }

    // --- sessions and failures ----------------------------------------------------------------------

    @Test
    void an_expired_session_costs_one_login_and_one_repeat_of_the_refused_call() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        int logins = fake.successfulLogins();
        fake.expireAllSessions();
        fake.clearRequestLog();

        panel.setExpiry(server, client.id(), client.expiresAt().plus(Duration.ofDays(30)));

        assertThat(fake.successfulLogins()).isEqualTo(logins + (usesToken() ? 0 : 1));
        List<String> log = fake.requestLog();
        if (!usesToken()) {
            // refused call, then the re-login (and re-detection on v3), then that same call once more
            assertThat(log).filteredOn("POST login"::equals).hasSize(1);
            List<String> authSteps = List.of("POST login", "GET csrf-token", "GET panel/api/inbounds/get/0",
                    "GET panel/api/clients/get/vpnbot-probe");
            int login = log.indexOf("POST login");
            int next = login + 1;
            while (authSteps.contains(log.get(next))) next++;
            assertThat(log.get(next)).isEqualTo(log.get(0));
        }
        assertThat(((Number) fake.storedClient(client.id().email()).orElseThrow().get("expiryTime")).longValue())
                .isEqualTo(client.expiresAt().plus(Duration.ofDays(30)).toEpochMilli());
    }

    @Test
    void a_url_without_the_base_path_is_a_configuration_error_not_a_login_loop() {
        PanelConnection noBase = new PanelConnection(fake.origin(), connection().credentials(), null);

        PanelException e = catchThrowableOfType(PanelException.class,
                () -> panel.createClient(server.withConnection(noBase), newClient()));

        assertThat(e.kind()).isEqualTo(PanelFault.WRONG_BASE_PATH);
        assertThat(e.getMessage()).contains("base path");
        assertThat(fake.loginAttempts()).isZero();
    }

    @Test
    void wrong_credentials_are_refused_once_and_not_tried_again_at_once() {
        PanelConnection wrong = connection().withCredentials(usesToken()
                ? new PanelCredentials.ApiToken("not-the-token")
                : new PanelCredentials.Password(fake.username(), "wrong-password"));
        Server bad = server.withConnection(wrong);

        PanelException first = catchThrowableOfType(PanelException.class, () -> panel.createClient(bad, newClient()));
        PanelException second = catchThrowableOfType(PanelException.class, () -> panel.findClient(bad, newId()));

        assertThat(first.kind()).isEqualTo(PanelFault.BAD_CREDENTIALS);
        assertThat(second.kind()).isEqualTo(PanelFault.BAD_CREDENTIALS);
        assertThat(fake.loginAttempts()).isEqualTo(usesToken() ? 0 : 1);
    }

    @Test
    void a_busy_database_is_retried_until_it_frees() {
        NewPanelClient client = newClient();
        fake.inject(Fault.DATABASE_LOCKED, 2, "add");

        panel.createClient(server, client);

        assertThat(fake.storedClient(client.id().email())).isPresent();
    }

    @Test
    void a_database_that_stays_locked_is_BUSY_and_worth_retrying_later() {
        fake.inject(Fault.DATABASE_LOCKED, 100, "add");

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.createClient(server, newClient()));

        assertThat(e.kind()).isEqualTo(PanelFault.BUSY);
        assertThat(e.kind().isTransient()).isTrue();
    }

    @Test
    void an_http_500_is_UNREACHABLE_and_the_next_call_works() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        fake.inject(Fault.HTTP_500, 1);

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.findClient(server, client.id()));

        assertThat(e.kind()).isEqualTo(PanelFault.UNREACHABLE);
        assertThat(panel.findClient(server, client.id())).isPresent();
    }

    @Test
    void a_hanging_panel_fails_within_the_call_timeout() {
        NewPanelClient client = newClient();
        panel.createClient(server, client);
        fake.inject(Fault.HANG, 1);
        long start = System.nanoTime();

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.findClient(server, client.id()));

        assertThat(e.kind()).isEqualTo(PanelFault.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(panel.findClient(server, client.id())).isPresent();
    }

    // --- concurrency ----------------------------------------------------------------------------

    @Test
    void concurrent_creations_all_land_and_never_overlap_on_the_panel() throws Exception {
        fake.raceMode(true);
        List<NewPanelClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) clients.add(newClient());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<KeyLinks>> done = new ArrayList<>();
            for (NewPanelClient c : clients) done.add(pool.submit(() -> panel.createClient(server, c)));
            for (Future<KeyLinks> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }

        for (NewPanelClient c : clients) assertThat(fake.storedClient(c.id().email())).isPresent();
        assertThat(fake.maxConcurrentWrites()).isEqualTo(1);
    }

    @Test
    void creations_waiting_behind_a_slow_write_go_out_in_one_call_where_the_panel_allows() throws Exception {
        fake.holdWrites();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            NewPanelClient first = newClient();
            Future<KeyLinks> inFlight = pool.submit(() -> panel.createClient(server, first));
            awaitRequests("inbounds/addClient", "clients/add", 1);
            List<NewPanelClient> waiting = new ArrayList<>();
            List<Future<KeyLinks>> done = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                NewPanelClient c = newClient();
                waiting.add(c);
                done.add(pool.submit(() -> panel.createClient(server, c)));
            }
            Await.until("five changes queued behind the held write", Duration.ofSeconds(30), () -> panel.changesWaiting(server) == 5);
            fake.releaseWrites();
            inFlight.get();
            for (Future<KeyLinks> f : done) f.get();
            for (NewPanelClient c : waiting) assertThat(fake.storedClient(c.id().email())).isPresent();
        } finally {
            fake.releaseWrites();
            pool.shutdownNow();
        }

        assertThat(adds()).isEqualTo(expectedGeneration() == ApiGeneration.CLIENTS_API ? 6 : 2);
    }

    private void awaitRequests(String one, String other, int count) {
        Await.until(count + " requests " + one, Duration.ofSeconds(30), () -> Math.max(fake.requests(one), fake.requests(other)) >= count);
    }

    private int adds() {
        return fake.requests("inbounds/addClient") + fake.requests("clients/add");
    }

    // --- links -------------------------------------------------------------------------------------

    @Test
    void links_carry_the_reality_parameters_and_the_subscription_url() {
        NewPanelClient client = newClient();

        KeyLinks links = panel.createClient(server, client);

        URI vless = URI.create(links.vlessUrl());
        assertThat(vless.getScheme()).isEqualTo("vless");
        assertThat(vless.getUserInfo()).isEqualTo(client.id().uuid().toString());
        assertThat(vless.getHost()).isEqualTo("127.0.0.1");
        assertThat(vless.getPort()).isEqualTo(443);
        Map<String, String> q = query(vless);
        assertThat(q).containsEntry("type", "tcp").containsEntry("security", "reality").containsEntry("encryption", "none")
                .containsEntry("pbk", fake.realityPublicKey(FakeThreeXuiPanel.REALITY_INBOUND_ID))
                .containsEntry("sid", FakeThreeXuiPanel.REALITY_SHORT_ID).containsEntry("sni", FakeThreeXuiPanel.REALITY_SNI)
                .containsEntry("fp", "chrome").containsEntry("flow", "xtls-rprx-vision");
        assertThat(q.get("spx")).startsWith("/").hasSize(16);
        assertThat(vless.getFragment()).isEqualTo("reality-443-" + client.id().email());
        assertThat(links.subscriptionUrl())
                .isEqualTo(fakeShowsSettings() ? "http://127.0.0.1:2096/sub/" + client.id().subId() : null);
        assertThat(panel.links(server, client.id())).isEqualTo(links);
    }

    @Test
    void links_use_the_subscription_uri_when_the_panel_has_one() {
        fake.subscription(true, 2096, "/sub/", "", "https://sub.example.com/s/", false);
        NewPanelClient client = newClient();

        KeyLinks links = panel.createClient(server, client);

        assertThat(links.subscriptionUrl())
                .isEqualTo(fakeShowsSettings() ? "https://sub.example.com/s/" + client.id().subId() : null);
    }

    @Test
    void links_of_a_tls_websocket_client_carry_sni_alpn_fingerprint_path_and_host() {
        NewPanelClient client = newClient();

        KeyLinks links = panel.createClient(serverOn(FakeThreeXuiPanel.WS_TLS_INBOUND_ID), client);

        URI vless = URI.create(links.vlessUrl());
        assertThat(vless.getPort()).isEqualTo(8443);
        assertThat(vless.getRawQuery()).contains("alpn=h2%2Chttp%2F1.1");
        assertThat(query(vless)).containsEntry("type", "ws").containsEntry("security", "tls")
                .containsEntry("sni", "vpn.example.net").containsEntry("alpn", "h2,http/1.1").containsEntry("fp", "firefox")
                .containsEntry("path", "/ws/path").containsEntry("host", "cdn.example.net").doesNotContainKey("flow");
    }

    // --- inspection ------------------------------------------------------------------------------

    @Test
    void a_probe_reports_generation_inbounds_and_subscription_settings() {
        PanelProbe probe = panel.probe(connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID);

        assertThat(probe.ok()).as("problem: %s", probe.problem()).isTrue();
        assertThat(probe.api().name()).isEqualTo(expectedGeneration().name());
        assertThat(probe.api().releases()).isEqualTo(expectedGeneration().versions());
        assertThat(probe.authenticated()).isTrue();
        assertThat(probe.certificate()).isNull();
        assertThat(probe.xrayVersion()).isEqualTo("25.10.15");
        PanelInbound reality = probe.inbound(FakeThreeXuiPanel.REALITY_INBOUND_ID).orElseThrow();
        assertThat(reality.protocol()).isEqualTo("vless");
        assertThat(reality.port()).isEqualTo(443);
        assertThat(reality.network()).isEqualTo("tcp");
        assertThat(reality.security()).isEqualTo("reality");
        assertThat(reality.carriesVisionFlow()).isTrue();
        assertThat(probe.inbound(FakeThreeXuiPanel.WS_TLS_INBOUND_ID).orElseThrow().carriesVisionFlow()).isFalse();
        if (fakeShowsSettings()) {
            assertThat(probe.subscription()).isNotNull();
            assertThat(probe.subscription().enabled()).isTrue();
            assertThat(probe.subscription().port()).isEqualTo(2096);
            assertThat(probe.subscription().path()).isEqualTo("/sub/");
        }
    }

    /** A v3.0 API token cannot read the UI's settings route: such keys get no subscription URL. */
    private boolean fakeShowsSettings() {
        return !(usesToken() && profile() == Profile.V3_0);
    }

    @Test
    void a_probe_names_a_missing_inbound_and_what_it_found() {
        PanelProbe probe = panel.probe(connection(), 42);

        assertThat(probe.ok()).isFalse();
        assertThat(probe.problem().kind()).isEqualTo(PanelFault.INBOUND_NOT_FOUND);
        assertThat(probe.authenticated()).isTrue();
        assertThat(probe.inbounds()).isNotEmpty();
    }

    @Test
    void a_probe_with_wrong_credentials_says_so_and_still_knows_the_version_family() {
        PanelConnection wrong = connection().withCredentials(usesToken()
                ? new PanelCredentials.ApiToken("not-the-token")
                : new PanelCredentials.Password(fake.username(), "nope"));

        PanelProbe probe = panel.probe(wrong);

        assertThat(probe.problem().kind()).isEqualTo(PanelFault.BAD_CREDENTIALS);
        assertThat(probe.authenticated()).isFalse();
        assertThat(probe.api()).isNotNull();
    }

    @Test
    void creates_a_reality_inbound_with_the_panels_key_generator_and_serves_keys_on_it() {
        PanelInbound created = panel.createRealityInbound(connection(), new RealityInboundRequest(24443, "new-reality", "www.microsoft.com"));

        assertThat(created.port()).isEqualTo(24443);
        assertThat(created.remark()).isEqualTo("new-reality");
        assertThat(created.carriesVisionFlow()).isTrue();
        assertThat(fake.keyGeneratorCalls()).isEqualTo(1);
        assertThat(panel.listInbounds(connection())).extracting(PanelInbound::id).contains(created.id());

        NewPanelClient client = newClient();
        KeyLinks links = panel.createClient(serverOn(created.id()), client);
        Map<String, String> q = query(URI.create(links.vlessUrl()));
        assertThat(q).containsEntry("sni", "www.microsoft.com").containsEntry("flow", "xtls-rprx-vision")
                .containsEntry("pbk", fake.realityPublicKey(created.id()));
        assertThat(q.get("sid")).matches("[0-9a-f]{16}");
    }

    @Test
    void a_new_inbound_on_a_taken_port_is_refused() {
        PanelException e = catchThrowableOfType(PanelException.class,
                () -> panel.createRealityInbound(connection(), new RealityInboundRequest(443, "dup", "www.microsoft.com")));

        assertThat(e.kind()).isEqualTo(PanelFault.REJECTED);
        assertThat(e.getMessage()).contains("443").contains("already used");
    }

    // --- helpers -----------------------------------------------------------------------------------

    protected Server serverOn(int inboundId) {
        return new Server(new ServerId(1), "Test server", connection(), inboundId, true, 100, 0);
    }

    protected static PanelClientId newId() {
        int n = KEYS.incrementAndGet();
        return new PanelClientId(UUID.randomUUID(), "vpnbot-k" + n + "-u" + (1000 + n), "sub" + n + "x" + Integer.toHexString(n * 7919));
    }

    protected static NewPanelClient newClient() {
        return new NewPanelClient(newId(), Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS),
                500_000_000L + KEYS.get(), 2, 50L * 1024 * 1024 * 1024);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, Object> withoutServerFields(Map<String, Object> client) {
        Map<String, Object> copy = new LinkedHashMap<>(client);
        copy.remove("updated_at");
        copy.remove("created_at");
        return copy;
    }
}
