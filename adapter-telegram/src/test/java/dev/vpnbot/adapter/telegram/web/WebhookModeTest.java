package dev.vpnbot.adapter.telegram.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook mode: Telegram is told our URL and secret; our endpoint (mounted on a JDK HttpServer
 * as bootstrap does) takes updates only with the right secret and hands them to the same screens.
 */
class WebhookModeTest {
    private static final String SECRET = "s3cret_webhook-token";
    private static final String UPDATE = """
            {"update_id": 77, "message": {"message_id": 5, "date": 1767225600,
              "from": {"id": 6001, "is_bot": false, "first_name": "Ivan", "language_code": "en"},
              "chat": {"id": 6001, "type": "private"}, "text": "/start",
              "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
            """;

    private BotRig rig;
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() throws Exception {
        rig = BotRig.started(b -> b.webhook(SECRET));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(TelegramSettings.WEBHOOK_PATH, rig.bot.webhookEndpoint());
        server.start();
    }

    @AfterEach
    void close() {
        server.stop(0);
        rig.close();
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + TelegramSettings.WEBHOOK_PATH)).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void start_tells_telegram_our_webhook_url_and_secret_instead_of_polling() {
        Call setWebhook = rig.api.calls("setWebhook").get(0);

        assertThat(setWebhook.params()).containsEntry("url", "https://vpn.example/webhooks/telegram")
                .containsEntry("secret_token", SECRET);
        assertThat(setWebhook.params().get("allowed_updates")).contains("message").contains("callback_query");
        assertThat(rig.api.calls("getUpdates")).isEmpty();
        assertThat(rig.api.calls("deleteWebhook")).isEmpty();
    }

    @Test
    void an_update_with_the_right_secret_is_answered_200_and_reaches_the_screens() throws Exception {
        int mark = rig.api.mark();

        HttpResponse<String> response = post(UPDATE, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.api.awaitContent(mark, 6001).text()).contains("Hi, <b>Ivan</b>");
    }

    @Test
    void a_missing_secret_is_401_and_a_wrong_one_403_and_nothing_is_handled() throws Exception {
        int mark = rig.api.mark();

        assertThat(post(UPDATE, null).statusCode()).isEqualTo(401);
        assertThat(post(UPDATE, "s3cret_webhook-tokeN").statusCode()).isEqualTo(403);
        assertThat(post(UPDATE, SECRET + "x").statusCode()).isEqualTo(403);
        assertThat(post(UPDATE, "").statusCode()).isEqualTo(403);

        Thread.sleep(300);
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).isEmpty();
        assertThat(rig.users.find(new dev.vpnbot.domain.user.UserId(6001))).isEmpty();
    }

    @Test
    void a_body_that_is_not_an_update_is_400_and_other_methods_405() throws Exception {
        assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + TelegramSettings.WEBHOOK_PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void without_a_configured_secret_the_endpoint_refuses_everything() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/hook", new TelegramWebhookEndpoint(null, update -> { throw new AssertionError("must not be handled"); }));
        other.start();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/hook"))
                    .header("X-Telegram-Bot-Api-Secret-Token", "anything").POST(HttpRequest.BodyPublishers.ofString(UPDATE)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
        } finally {
            other.stop(0);
        }
    }
}
