package dev.vpnbot.bootstrap.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.TestCertificates;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Variables;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.wiring.Wiring;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.EnrollmentToken;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node joins by itself: an admin issues a token, deploy/node/install.sh (run with bash, in its
 * --skip-install mode) reads the certificate of a running panel (the 3x-ui fake, self-signed
 * TLS) and calls POST /nodes/enroll on the real bot (real wiring, real PostgreSQL); the server is
 * stored encrypted and pinned, its Reality inbound is created, and a buyer gets a key on it.
 * Every refusal leaves the servers as they were.
 */
class NodeEnrollmentJourneyTest {
    private static final String DATABASE = "vpnbot_node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final UserId ADMIN = new UserId(1);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(90);
    private static FakeBotApi telegram;
    private static FakeThreeXuiPanel panel;
    private static TestCertificates certificate;
    private static FakeHeleket heleket;
    private static Injector bot;
    private static Lifecycle lifecycle;
    private static String botUrl;
    private static String jdbcUrl;
    private static DatabaseSettings admin;
    private static Path work;

    @BeforeAll
    static void startTheBot(@TempDir Path dir) throws Exception {
        work = dir;
        telegram = FakeBotApi.start();
        certificate = TestCertificates.selfSigned(dir);
        panel = FakeThreeXuiPanel.builder().profile(FakeThreeXuiPanel.Profile.V3_6).credentials("u7Qm2xP9a", "Zr8-w!3 \"q$pass")
                .basePath("/Hk29fLq0Wm/").https(certificate.serverContext()).withoutInbounds().start();
        heleket = FakeHeleket.start();
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + DATABASE);
        admin = db.adminSettings();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        botUrl = "http://127.0.0.1:" + port;
        jdbcUrl = "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + DATABASE;
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("PUBLIC_URL", botUrl);
        env.put("DATABASE_URL", jdbcUrl);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("HELEKET_MERCHANT_ID", heleket.merchantId());
        env.put("HELEKET_API_KEY", heleket.paymentKey());
        env.put("HELEKET_API_URL", heleket.baseUrl());
        env.put("HELEKET_WEBHOOK_IPS", "127.0.0.1");
        env.put("ADMIN_IDS", Long.toString(ADMIN.telegramId()));
        env.put("SECRET_KEY", SecretBox.newKey());
        AppConfig config = ConfigReader.read(Variables.of(env), Purpose.RUN);
        bot = Wiring.injector(Wiring.bot(config, DatabaseLocation.configured(config.database())));
        lifecycle = bot.getInstance(Lifecycle.class);
        lifecycle.start();
    }

    @AfterAll
    static void stopTheBot() {
        if (lifecycle != null) lifecycle.stop();
        telegram.close();
        panel.close();
        heleket.close();
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    /** What the installer printed (stdout and stderr together) and how it ended. */
    private record Run(int exitCode, String output) {}

    private static Run installer(String token, String... options) throws Exception {
        return installer(Files.createTempDirectory(work, "node"), token, options);
    }

    private static Run installer(Path stateDir, String token, String... options) throws Exception {
        return installer(stateDir, panel, token, options);
    }

    private static Run installer(Path stateDir, FakeThreeXuiPanel target, String token, String... options) throws Exception {
        Path script = repositoryRoot().resolve("deploy/node/install.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--skip-install", "--bot-url", botUrl,
                "--state-dir", stateDir.toString()));
        command.addAll(List.of(options));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("VPNBOT_ENROLL_TOKEN", token);
        process.environment().put("PANEL_USERNAME", target.username());
        process.environment().put("PANEL_PASSWORD", target.password());
        Path log = Files.createTempFile(work, "installer", ".log");
        Process running = process.redirectOutput(log.toFile()).start();
        if (!running.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            running.destroyForcibly();
            throw new AssertionError("the installer did not finish within " + SCRIPT_TIMEOUT + ": " + Files.readString(log));
        }
        Run run = new Run(running.exitValue(), Files.readString(log));
        assertThat(run.output()).as("the installer never prints a secret")
                .doesNotContain(target.password()).doesNotContain(token.isBlank() ? "\0" : token);
        return run;
    }

    private static Run enrol(String token, int inboundPort) throws Exception {
        return installer(token, "--panel-url", panel.baseUrl(), "--inbound-port", Integer.toString(inboundPort));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/node/install.sh"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("deploy/node/install.sh not found above " + Path.of("").toAbsolutePath());
        return dir;
    }

    private static IssueEnrollmentTokenUseCase.IssuedToken issue(String name) {
        return bot.getInstance(IssueEnrollmentTokenUseCase.class).issue(ADMIN, name, 40, "eu");
    }

    private static List<Server> servers() {
        return bot.getInstance(Servers.class).all();
    }

    private static Optional<Server> server(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static void assertRefused(Run run, String cause) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("refused by the bot").contains(cause);
    }

    @Test
    void a_node_enrols_with_the_installer_and_a_buyer_gets_a_key_on_it() throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue("Node One");
        int mark = telegram.mark();

        Run run = enrol(token.secret(), 8443);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("enrolled: server ").contains("\"Node One\"").contains(certificate.leafSha256());
        Server node = server("Node One").orElseThrow();
        assertThat(node.connection().baseUrl()).isEqualTo(panel.baseUrl());
        assertThat(node.connection().tlsPin()).isEqualTo(certificate.leafSha256());
        assertThat(run.output()).contains("created the panel's API token");
        assertThat(node.connection().credentials()).as("a v3.6 panel makes an API token: the bot never holds its password")
                .isInstanceOf(PanelCredentials.ApiToken.class);
        String apiToken = ((PanelCredentials.ApiToken) node.connection().credentials()).token();
        assertThat(apiToken).matches("[A-Za-z0-9]{48}");
        assertThat(run.output()).doesNotContain(apiToken);
        assertThat(node.maxClients()).isEqualTo(40);
        PanelProbe test = bot.getInstance(ManageServersUseCase.class).testServer(ADMIN, node.id());
        assertThat(test.ok()).as("server test passes: %s", test.problem()).isTrue();
        assertThat(test.certificate().certificateSha256()).isEqualTo(certificate.leafSha256());
        assertThat(new String(storedSecret(node), StandardCharsets.ISO_8859_1)).as("the API token is stored encrypted")
                .doesNotContain(apiToken).hasSizeGreaterThan(28);
        Map<String, Object> inbound = panel.inbound(node.inboundId());
        assertThat(inbound.get("remark")).isEqualTo("vpnbot Node One");
        assertThat(((Number) inbound.get("port")).intValue()).isEqualTo(8443);
        telegram.awaitAfter(mark, Duration.ofSeconds(15), c -> c.method().equals("sendmessage") && c.chatId() == ADMIN.telegramId()
                && c.text().contains("SERVER_ENROLLED") && c.text().contains("Node One"));

        VpnKey key = buyOn("Node One", new Person(telegram, 6001, "Nina", "en"));
        assertThat(key.serverId()).isEqualTo(node.id());
        assertThat(panel.storedClients(node.inboundId())).anyMatch(c -> key.client().email().equals(c.get("email")));

        int enrolled = servers().size();
        assertRefused(enrol(token.secret(), 8443), "TOKEN_USED");
        assertThat(servers()).hasSize(enrolled);
    }

    @Test
    void a_panel_older_than_api_tokens_enrols_with_its_password() throws Exception {
        // v2.8: no tokens at all; v3.1 (v3.1.0 - v3.2.x): tokens, but the settings page is outside the API
        enrolsWithItsPassword(FakeThreeXuiPanel.Profile.V2_8, "Node Older", 16443, "older than 3x-ui v3.0");
        enrolsWithItsPassword(FakeThreeXuiPanel.Profile.V3_1, "Node Older 3.1", 16444, "before v3.3.0");
    }

    private static void enrolsWithItsPassword(FakeThreeXuiPanel.Profile profile, String name, int port, String said) throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue(name);
        try (FakeThreeXuiPanel older = FakeThreeXuiPanel.builder().profile(profile)
                .credentials("u4Hq8zLw1", "Pw7-older \"panel").basePath("/Ol83kdPq1/").https(certificate.serverContext())
                .withoutInbounds().start()) {
            Run run = installer(Files.createTempDirectory(work, "node"), older, token.secret(),
                    "--panel-url", older.baseUrl(), "--inbound-port", Integer.toString(port));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains(said).contains("the bot gets the password");
            Server node = server(name).orElseThrow();
            assertThat(node.connection().credentials()).isEqualTo(new PanelCredentials.Password(older.username(), older.password()));
            assertThat(older.createdApiTokens()).isZero();
            PanelProbe test = bot.getInstance(ManageServersUseCase.class).testServer(ADMIN, node.id());
            assertThat(test.ok()).as("server test passes: %s", test.problem()).isTrue();
            assertThat(((Number) older.inbound(node.inboundId()).get("port")).intValue()).isEqualTo(port);
        }
    }

    @Test
    void a_token_used_twice_is_refused_and_nothing_more_is_stored() throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue("Node Twice");
        assertThat(enrol(token.secret(), 9443).exitCode()).isZero();
        int before = servers().size();
        assertRefused(enrol(token.secret(), 9444), "TOKEN_USED");
        assertThat(servers()).hasSize(before);
        assertThat(panel.inboundIds().stream().map(id -> ((Number) panel.inbound(id).get("port")).intValue())).doesNotContain(9444);
    }

    @Test
    void running_the_installer_again_on_an_enrolled_node_changes_nothing() throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue("Node Again");
        Path node = Files.createTempDirectory(work, "node");
        String[] options = {"--panel-url", panel.baseUrl(), "--inbound-port", "15443"};
        assertThat(installer(node, token.secret(), options).exitCode()).isZero();
        int enrolled = servers().size();

        Run again = installer(node, token.secret(), options);

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("already enrolled: server ").doesNotContain("refused");
        assertThat(servers()).hasSize(enrolled);
    }

    @Test
    void an_expired_token_is_refused_and_nothing_is_stored() throws Exception {
        String secret = "vpnbot-enroll-expired-" + UUID.randomUUID();
        Instant issued = Instant.now().minus(Duration.ofDays(2));
        bot.getInstance(EnrollmentTokens.class).add(new EnrollmentToken(sha256(secret), "Node Late", 10, null, issued,
                issued.plus(Duration.ofDays(1)), null));
        assertRefused(enrol(secret, 10443), "TOKEN_EXPIRED");
        assertThat(server("Node Late")).isEmpty();
    }

    @Test
    void an_unknown_token_is_refused_and_nothing_is_stored() throws Exception {
        int before = servers().size();
        assertRefused(enrol("vpnbot-enroll-made-up", 11443), "TOKEN_UNKNOWN");
        assertThat(servers()).hasSize(before);
    }

    @Test
    void a_panel_that_does_not_answer_is_refused_nothing_is_stored_and_the_token_stays_usable() throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue("Node Silent");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = installer(token.secret(), "--panel-url", "https://127.0.0.1:" + closed + "/Hk29fLq0Wm/",
                "--cert-sha256", certificate.leafSha256(), "--inbound-port", "12443");
        assertRefused(run, "PANEL_UNREACHABLE");
        assertThat(server("Node Silent")).isEmpty();
        assertThat(bot.getInstance(EnrollmentTokens.class).find(token.token().secretSha256()).orElseThrow().usedAt()).isNull();
    }

    @Test
    void a_certificate_other_than_the_panels_is_refused_and_nothing_is_stored() throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue("Node Forged");
        Run run = installer(token.secret(), "--panel-url", panel.baseUrl(), "--cert-sha256", "ab".repeat(32), "--inbound-port", "13443");
        assertRefused(run, "CERTIFICATE_MISMATCH");
        assertThat(run.output()).as("no login goes to a panel whose certificate is not the pinned one").contains("no login sent to it");
        assertThat(server("Node Forged")).isEmpty();
    }

    @Test
    void the_database_route_enrols_a_row_the_node_inserted() throws Exception {
        IssueEnrollmentTokenUseCase.IssuedToken token = issue("Node Rows");
        try (Connection c = DriverManager.getConnection(jdbcUrl, admin.user(), admin.password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO vpnbot.node_enrollments (token, panel_url, panel_username,"
                     + " panel_password, cert_sha256, inbound_port) VALUES (?, ?, ?, ?, ?, 14443)")) {
            insert.setString(1, token.secret());
            insert.setString(2, panel.baseUrl());
            insert.setString(3, panel.username());
            insert.setString(4, panel.password());
            insert.setString(5, certificate.leafSha256());
            insert.executeUpdate();
        }
        Await.until("the queued request processed", Duration.ofSeconds(60), () -> server("Node Rows").isPresent());
        Server node = server("Node Rows").orElseThrow(() -> new AssertionError("the queued request was not processed in 60 s"));
        assertThat(node.connection().tlsPin()).isEqualTo(certificate.leafSha256());
        try (Connection c = DriverManager.getConnection(jdbcUrl, admin.user(), admin.password());
             ResultSet row = c.createStatement().executeQuery("SELECT token, panel_password, outcome FROM vpnbot.node_enrollments")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("token")).isNull();
            assertThat(row.getString("panel_password")).isNull();
            assertThat(row.getString("outcome")).startsWith("enrolled as server " + node.id());
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** The buyer picks the server by its name, pays at Heleket, and the key arrives. */
    private static VpnKey buyOn(String serverName, Person person) {
        Call menu = person.send("/start");
        Call tariffs = person.press(menu, "b");
        Call servers = person.press(tariffs, "bt:");
        Call summary = person.pressLabelled(servers, serverName);
        long orderId = Long.parseLong(summary.data("oc:").substring(3));
        String publicId = bot.getInstance(Orders.class).find(new OrderId(orderId)).orElseThrow().publicId().value();
        int mark = telegram.mark();
        heleket.pay(publicId);
        Call delivered = telegram.awaitAfter(mark, Duration.ofSeconds(15), c -> c.ok() && c.chatId() == person.id()
                && c.method().equals("sendphoto"));
        VpnKey key = bot.getInstance(Keys.class).ofOwner(new UserId(person.id())).get(0);
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        // "key ready" leads with the bot's own subscription link (docs/SUBSCRIPTION.md), whose token the bot derives
        String ownLink = bot.getInstance(dev.vpnbot.application.port.out.SubscriptionTokens.class).tokenOf(key.id())
                .map(t -> "/sub/" + t.value()).orElseThrow();
        assertThat(delivered.text()).contains(ownLink).contains(key.links().vlessUrl().substring(0, 44)).contains(serverName);
        return key;
    }

    private static byte[] storedSecret(Server server) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, admin.user(), admin.password());
             ResultSet row = c.createStatement().executeQuery("SELECT panel_secret FROM vpnbot.servers WHERE id = " + server.id())) {
            assertThat(row.next()).isTrue();
            return row.getBytes(1);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
