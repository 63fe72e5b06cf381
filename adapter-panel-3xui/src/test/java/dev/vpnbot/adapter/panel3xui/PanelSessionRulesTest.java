package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How the adapter keeps its session with a panel, detects the panel's version and names configuration mistakes. */
class PanelSessionRulesTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close_all() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void a_panel_upgraded_from_v2_to_v3_1_is_detected_again_and_the_change_redone_on_the_new_routes() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        ThreeXuiPanel panel = adapter(Clock.systemUTC());
        Server server = server(fake.connection());
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(server, client);

        fake.switchProfile(Profile.V3_1);
        panel.setExpiry(server, client.id(), client.expiresAt().plus(Duration.ofDays(30)));

        assertThat(fake.requests("clients/update/" + client.id().email())).isEqualTo(1);
        assertThat(((Number) fake.storedClient(client.id().email()).orElseThrow().get("expiryTime")).longValue())
                .isEqualTo(client.expiresAt().plus(Duration.ofDays(30)).toEpochMilli());
        assertThat(fake.storedClient(client.id().email()).orElseThrow().get("flow")).isEqualTo("xtls-rprx-vision");
        assertThat(panel.probe(fake.connection()).api().name()).isEqualTo(ApiGeneration.CLIENTS_API.name());
    }

    @Test
    void a_v2_panel_cannot_take_an_api_token() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(Clock.systemUTC()).listInbounds(fake.tokenConnection()));

        assertThat(e.kind()).isEqualTo(PanelFault.UNSUPPORTED_VERSION);
        assertThat(e.getMessage()).contains("username and password");
    }

    @Test
    void a_two_factor_code_is_sent_when_the_connection_has_one() {
        FakeThreeXuiPanel fake = FakeThreeXuiPanel.builder().twoFactorCode("424242").start();
        open.add(fake);
        ThreeXuiPanel panel = adapter(Clock.systemUTC());
        PanelConnection withCode = fake.connection();
        PanelConnection withoutCode = withCode.withCredentials(new PanelCredentials.Password(fake.username(), fake.password()));

        assertThat(panel.listInbounds(withCode)).isNotEmpty();
        assertThat(catchThrowableOfType(PanelException.class, () -> panel.listInbounds(withoutCode)).kind()).isEqualTo(PanelFault.BAD_CREDENTIALS);
    }

    @Test
    void a_refused_login_is_tried_again_after_a_short_pause_that_doubles_and_never_reaches_the_v3_limiter() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        ThreeXuiPanel panel = adapter(clock);
        Server bad = server(fake.connection().withCredentials(new PanelCredentials.Password(fake.username(), "wrong")));
        Runnable call = () -> assertThat(catchThrowableOfType(PanelException.class,
                () -> panel.findClient(bad, ThreeXuiPanelContract.newId())).kind()).isEqualTo(PanelFault.BAD_CREDENTIALS);

        call.run();
        call.run();
        assertThat(fake.loginAttempts()).as("not again within the first pause").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        call.run();
        assertThat(fake.loginAttempts()).as("5 s after the first refusal").isEqualTo(2);
        clock.advance(Duration.ofSeconds(9));
        call.run();
        assertThat(fake.loginAttempts()).as("the pause doubled to 10 s").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        call.run();
        clock.advance(Duration.ofSeconds(20));
        call.run();
        assertThat(fake.loginAttempts()).as("refusals at 0, 5, 15 and 35 s").isEqualTo(4);

        clock.advance(Duration.ofSeconds(40)); // the doubled pause is over, but a fifth refusal within 5 minutes would trip v3's limiter
        call.run();
        assertThat(fake.loginAttempts()).isEqualTo(4);
        clock.set(Instant.parse("2026-03-01T10:05:01Z"));
        call.run();
        assertThat(fake.loginAttempts()).isEqualTo(5);
    }

    @Test
    void the_v3_login_limiter_is_never_reached_and_corrected_credentials_work_at_once() {
        FakeThreeXuiPanel fake = fake(Profile.V3_0);
        ThreeXuiPanel panel = adapter(Clock.systemUTC());
        Server bad = server(fake.connection().withCredentials(new PanelCredentials.Password(fake.username(), "wrong")));
        for (int i = 0; i < 20; i++) catchThrowableOfType(PanelException.class, () -> panel.findClient(bad, ThreeXuiPanelContract.newId()));

        NewPanelClient client = ThreeXuiPanelContract.newClient();
        panel.createClient(bad.withConnection(fake.connection()), client);

        assertThat(fake.loginAttempts()).isEqualTo(2);
        assertThat(fake.storedClient(client.id().email())).isPresent();
    }

    @Test
    void a_changed_connection_gets_a_new_client_and_session() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        ThreeXuiPanel panel = adapter(Clock.systemUTC());
        Server server = server(fake.connection());
        panel.findClient(server, ThreeXuiPanelContract.newId());
        panel.findClient(server, ThreeXuiPanelContract.newId());
        assertThat(fake.successfulLogins()).isEqualTo(1);

        Server moved = server.withConnection(new PanelConnection(fake.baseUrl().replace("127.0.0.1", "localhost"),
                fake.connection().credentials(), null));
        panel.findClient(moved, ThreeXuiPanelContract.newId());
        panel.findClient(moved, ThreeXuiPanelContract.newId());

        assertThat(fake.successfulLogins()).isEqualTo(2);
    }

    @Test
    void concurrent_calls_on_an_expired_session_log_in_once() throws Exception {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        ThreeXuiPanel panel = adapter(Clock.systemUTC());
        Server server = server(fake.connection());
        panel.findClient(server, ThreeXuiPanelContract.newId());
        fake.expireAllSessions();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) calls.add(pool.submit(() -> panel.findClient(server, ThreeXuiPanelContract.newId())));
            for (var c : calls) c.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(fake.successfulLogins()).isEqualTo(2);
    }

    @Test
    void a_panel_that_serves_https_on_its_port_is_a_url_mistake() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        fake.redirectToHttps(true);

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(Clock.systemUTC()).listInbounds(fake.connection()));

        assertThat(e.kind()).isEqualTo(PanelFault.WRONG_BASE_PATH);
        assertThat(e.getMessage()).contains("https://");
    }

    @Test
    void a_panel_bound_to_its_domain_name_says_why_it_refuses_an_ip() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        fake.webDomain("panel.example.com");

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(Clock.systemUTC()).listInbounds(fake.connection()));

        assertThat(e.kind()).isEqualTo(PanelFault.REJECTED);
        assertThat(e.getMessage()).contains("webDomain");
    }

    @Test
    void a_web_server_that_is_not_a_panel_is_named_as_such() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", x -> {
            byte[] page = "<html>welcome to nginx</html>".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        other.start();
        open.add(() -> other.stop(0));
        PanelConnection connection = new PanelConnection("http://127.0.0.1:" + other.getAddress().getPort() + "/x/",
                new PanelCredentials.Password("admin", "secret"), null);

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(Clock.systemUTC()).listInbounds(connection));

        assertThat(e.kind()).isEqualTo(PanelFault.WRONG_BASE_PATH);
        assertThat(e.getMessage()).contains("not a 3x-ui panel");
    }

    @Test
    void a_closed_port_is_UNREACHABLE() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PanelConnection connection = new PanelConnection("http://127.0.0.1:" + port + "/p/",
                new PanelCredentials.Password("admin", "secret"), null);

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(Clock.systemUTC()).listInbounds(connection));

        assertThat(e.kind()).isEqualTo(PanelFault.UNREACHABLE);
        assertThat(e.kind().isTransient()).isTrue();
        assertThat(e.getMessage()).contains("cannot connect");
    }

    @Test
    void without_visible_settings_keys_get_their_vless_link_but_no_subscription_url() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        fake.hideSettings(true);

        KeyLinks links = adapter(Clock.systemUTC()).createClient(server(fake.connection()), ThreeXuiPanelContract.newClient());

        assertThat(links.subscriptionUrl()).isNull();
        assertThat(links.vlessUrl()).startsWith("vless://");
    }

    @Test
    void a_switched_off_subscription_server_gives_no_subscription_url_and_a_domain_and_tls_are_used() {
        FakeThreeXuiPanel fake = fake(Profile.V2_8);
        ThreeXuiPanel panel = adapter(Clock.systemUTC());
        fake.subscription(false, 2096, "/sub/", "", "", false);
        KeyLinks off = panel.createClient(server(fake.connection()), ThreeXuiPanelContract.newClient());
        FakeThreeXuiPanel other = fake(Profile.V2_8);
        other.subscription(true, 8443, "feed", "sub.example.org", "", true);
        NewPanelClient client = ThreeXuiPanelContract.newClient();
        KeyLinks on = panel.createClient(new Server(new ServerId(2), "two", other.connection(), 1, true, 10, 0), client);

        assertThat(off.subscriptionUrl()).isNull();
        assertThat(on.subscriptionUrl()).isEqualTo("https://sub.example.org:8443/feed/" + client.id().subId());
    }

    @Test
    void no_secret_reaches_the_logs() {
        Logger adapterLog = (Logger) LoggerFactory.getLogger("dev.vpnbot.adapter.panel3xui");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        adapterLog.addAppender(logs);
        Level before = adapterLog.getLevel();
        adapterLog.setLevel(Level.DEBUG);
        try {
            FakeThreeXuiPanel fake = fake(Profile.V3_0);
            ThreeXuiPanel panel = adapter(Clock.systemUTC());
            Server server = server(fake.connection());
            panel.createClient(server, ThreeXuiPanelContract.newClient());
            fake.expireAllSessions();
            fake.inject(FakeThreeXuiPanel.Fault.DATABASE_LOCKED, 1);
            panel.createClient(server, ThreeXuiPanelContract.newClient());
            panel.probe(fake.tokenConnection());
            panel.createRealityInbound(fake.connection(), new dev.vpnbot.application.model.panel.RealityInboundRequest(
                    31443, "r", "www.microsoft.com"));
            catchThrowableOfType(PanelException.class, () -> panel.listInbounds(
                    fake.connection().withCredentials(new PanelCredentials.Password("admin", "Wrong-Pa55"))));

            assertThat(logs.list).isNotEmpty();
            for (ILoggingEvent event : logs.list) {
                String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(text).doesNotContain(fake.password()).doesNotContain("Wrong-Pa55").doesNotContain(fake.apiToken())
                        .doesNotContain("fake-panel-bot-secret").doesNotContain("privateKey");
            }
        } finally {
            adapterLog.detachAppender(logs);
            adapterLog.setLevel(before);
        }
    }

    private FakeThreeXuiPanel fake(Profile profile) {
        FakeThreeXuiPanel fake = new FakeThreeXuiPanel(profile).start();
        open.add(fake);
        return fake;
    }

    private ThreeXuiPanel adapter(Clock clock) {
        ThreeXuiPanel panel = new ThreeXuiPanel(ThreeXuiPanelContract.FAST, clock);
        open.add(panel);
        return panel;
    }

    private static Server server(PanelConnection connection) {
        return new Server(new ServerId(1), "Test", connection, FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 100, 0);
    }
}
