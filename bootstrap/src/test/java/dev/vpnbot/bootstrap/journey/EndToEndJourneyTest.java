package dev.vpnbot.bootstrap.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Variables;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.wiring.Wiring;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a user meets it: the real jar's wiring, the real adapters, real PostgreSQL,
 * and fakes only where the outside world is (Bot API, 3x-ui panel, Heleket). Payments arrive
 * as signed Heleket webhooks over HTTP at /webhooks/heleket.
 */
class EndToEndJourneyTest {
    private static final String DATABASE = "vpnbot_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static FakeBotApi telegram;
    private static FakeThreeXuiPanel panel;
    private static FakeHeleket heleket;
    private static Injector bot;
    private static Lifecycle lifecycle;
    private static Server frankfurt;

    @BeforeAll
    static void startTheBot(@TempDir Path dataDir) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        telegram = FakeBotApi.start();
        panel = new FakeThreeXuiPanel().start();
        heleket = FakeHeleket.start();
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + DATABASE);
        DatabaseSettings admin = db.adminSettings();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("DATABASE_URL", "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + DATABASE);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("DATA_DIR", dataDir.toString());
        env.put("HELEKET_MERCHANT_ID", heleket.merchantId());
        env.put("HELEKET_API_KEY", heleket.paymentKey());
        env.put("HELEKET_API_URL", heleket.baseUrl());
        env.put("HELEKET_WEBHOOK_IPS", "127.0.0.1");
        env.put("ADMIN_IDS", "1");
        env.put("SECRET_KEY", SecretBox.newKey());
        AppConfig config = ConfigReader.read(Variables.of(env), Purpose.RUN);

        bot = Wiring.injector(Wiring.bot(config, DatabaseLocation.configured(config.database())));
        Servers servers = bot.getInstance(Servers.class);
        frankfurt = new Server(servers.nextId(), "Frankfurt", panel.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 100, 0);
        servers.save(frankfurt);
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

    private static Order order(Call summary) {
        long id = Long.parseLong(summary.data("oc:").substring(3));
        return bot.getInstance(Orders.class).find(new OrderId(id)).orElseThrow();
    }

    /** The buyer pays at Heleket; Heleket's signed webhook reaches our HTTP port; the key arrives. */
    private static Call payAtHeleket(Person person, Order order) {
        int mark = telegram.mark();
        heleket.pay(order.publicId().value());
        return telegram.awaitAfter(mark, Duration.ofSeconds(15), c -> c.ok() && c.chatId() == person.id()
                && (c.method().equals("sendphoto") || c.method().equals("sendmessage")));
    }

    private static void journey(Person person, String serverWord, String extendedWord) {
        Call menu = person.send("/start");
        Call tariffs = person.press(menu, "b");
        Call servers = person.press(tariffs, "bt:");
        Call summary = person.pressLabelled(servers, "Frankfurt");
        Order order = order(summary);
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(summary.buttons()).anyMatch(b -> b.url() != null && b.url().equals(order.invoice().payUrl()));

        Call delivered = payAtHeleket(person, order);
        VpnKey key = bot.getInstance(Keys.class).ofOwner(new UserId(person.id())).get(0);
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(delivered.method()).isEqualTo("sendphoto");
        // "key ready" leads with the bot's own subscription link (docs/SUBSCRIPTION.md), whose token the bot derives
        String ownLink = bot.getInstance(dev.vpnbot.application.port.out.SubscriptionTokens.class).tokenOf(key.id())
                .map(t -> "/sub/" + t.value()).orElseThrow();
        assertThat(delivered.text()).contains(ownLink).contains(key.links().vlessUrl().substring(0, 44)).contains(serverWord);
        Map<String, Object> client = panel.storedClient(key.client().email()).orElseThrow();
        assertThat(client.get("flow")).isEqualTo("xtls-rprx-vision");
        assertThat(((Number) client.get("expiryTime")).longValue()).isEqualTo(key.expiresAt().toEpochMilli());

        Call myKeys = person.send("/keys");
        assertThat(myKeys.text()).contains(serverWord);

        Call keyScreen = person.press(myKeys, "ki:" + key.id());
        Call extendTariffs = person.press(keyScreen, "ke:" + key.id());
        Call renewal = person.press(extendTariffs, "et:" + key.id() + ":");
        Order renewalOrder = order(renewal);
        Call extended = payAtHeleket(person, renewalOrder);
        assertThat(extended.text()).contains(extendedWord);

        VpnKey renewed = bot.getInstance(Keys.class).find(key.id()).orElseThrow();
        assertThat(renewed.expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
        Map<String, Object> after = panel.storedClient(key.client().email()).orElseThrow();
        assertThat(((Number) after.get("expiryTime")).longValue()).as("panel and database agree to the millisecond")
                .isEqualTo(renewed.expiresAt().toEpochMilli());
        assertThat(after.get("flow")).as("extending never strips the flow").isEqualTo("xtls-rprx-vision");
        assertThat(after.get("subId")).isEqualTo(key.client().subId());
        assertThat(((Number) after.get("tgId")).longValue()).isEqualTo(person.id());
        assertThat(bot.getInstance(Orders.class).find(renewalOrder.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
    }

    @Test
    void a_russian_speaking_user_buys_pays_gets_the_key_sees_it_and_extends_it() {
        journey(new Person(telegram, 5001, "Иван", "ru"), "Frankfurt", "Frankfurt");
    }

    @Test
    void an_english_speaking_user_does_the_same_in_english() {
        journey(new Person(telegram, 5002, "John", "en"), "Frankfurt", "Frankfurt");
    }

    @Test
    void a_tampered_button_is_refused_politely_and_changes_nothing() {
        Person mallory = new Person(telegram, 5003, "Mallory", "en");
        Call menu = mallory.send("/start");
        int mark = telegram.mark();
        telegram.userPresses(mallory.id(), mallory.name(), mallory.language(), menu.messageId(), "ki:999999");
        Call answer = telegram.awaitAfter(mark, Duration.ofSeconds(5), c -> c.method().equals("answercallbackquery"));
        assertThat(answer.params().get("text")).isNotBlank();
        assertThat(bot.getInstance(Keys.class).ofOwner(new UserId(mallory.id()))).isEmpty();
    }

    @Test
    void health_and_metrics_answer_over_the_bots_port() throws Exception {
        new Person(telegram, 5004, "Olga", "ru").send("/start");
        var http = java.net.http.HttpClient.newHttpClient();
        String base = bot.getInstance(AppConfig.class).http().publicUrl().toString();
        var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("database");
        var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("vpnbot_orders").contains("vpnbot_telegram_updates_total{outcome=\"handled\"}");
        assertThat(Instant.now()).isNotNull();
    }
}
