package dev.vpnbot.adapter.telegram.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.user.UserId;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode: Telegram is told our URL and secret; our endpoint takes updates only with the
 * right secret and hands them to the same screens. (Over HTTP, with the server's method and
 * size checks, in bootstrap's TelegramRoutesTest.)
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
    private TelegramWebhookEndpoint endpoint;

    @BeforeEach
    void open() {
        rig = BotRig.started(b -> b.webhook(SECRET));
        endpoint = rig.bot.webhookEndpoint();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private int post(String body, String secret) {
        return endpoint.receive(Optional.ofNullable(secret), body.getBytes(StandardCharsets.UTF_8),
                Optional.of(InetAddress.getLoopbackAddress()));
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
    void an_update_with_the_right_secret_is_answered_200_and_reaches_the_screens() {
        int mark = rig.api.mark();

        assertThat(post(UPDATE, SECRET)).isEqualTo(200);
        assertThat(rig.api.awaitContent(mark, 6001).text()).contains("Hi, <b>Ivan</b>");
    }

    @Test
    void a_missing_secret_is_401_and_a_wrong_one_403_and_nothing_is_handled() {
        int mark = rig.api.mark();

        assertThat(post(UPDATE, null)).isEqualTo(401);
        assertThat(post(UPDATE, "s3cret_webhook-tokeN")).isEqualTo(403);
        assertThat(post(UPDATE, SECRET + "x")).isEqualTo(403);
        assertThat(post(UPDATE, "")).isEqualTo(403);

        assertThat(rig.api.calls().subList(mark, rig.api.mark())).isEmpty();
        assertThat(rig.users.find(new UserId(6001))).isEmpty();
        // One user's updates are handled in order: had a refused (English) /start gone through,
        // its greeting would come before the answer to this Russian one.
        assertThat(post(UPDATE.replace("\"language_code\": \"en\"", "\"language_code\": \"ru\""), SECRET)).isEqualTo(200);
        assertThat(rig.api.awaitContent(mark, 6001).text()).contains("Привет, <b>Ivan</b>").doesNotContain("Hi, <b>Ivan</b>");
    }

    @Test
    void a_body_that_is_not_an_update_is_400() {
        assertThat(post("{not json", SECRET)).isEqualTo(400);
    }

    @Test
    void without_a_configured_secret_the_endpoint_refuses_everything() {
        List<Update> handled = new ArrayList<>();
        TelegramWebhookEndpoint unconfigured = new TelegramWebhookEndpoint(null, handled::add);

        assertThat(unconfigured.receive(Optional.of("anything"), UPDATE.getBytes(StandardCharsets.UTF_8), Optional.empty())).isEqualTo(403);
        assertThat(handled).isEmpty();
    }
}
