package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.TelegramSettings;

import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.TrustedProxies;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.domain.user.Language;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/telegram} and {@code GET /connect} as the bot serves them: TelegramModule's
 * routes on the server, over HTTP, in front of a running bot.
 */
class TelegramRoutesTest {
    private static final String SECRET = "s3cret_webhook-token";
    private static final String SUB = "https://sub.server1.example:2096/sub/k1abc";
    private static final String UPDATE = """
            {"update_id": 77, "message": {"message_id": 5, "date": 1767225600,
              "from": {"id": 6001, "is_bot": false, "first_name": "Ivan", "language_code": "en"},
              "chat": {"id": 6001, "type": "private"}, "text": "/start",
              "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
            """;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private BotRig rig;
    private WebServer server;

    private void start(UnaryOperator<TelegramSettings.Builder> settings) throws Exception {
        rig = BotRig.started(settings);
        TelegramModule module = new TelegramModule();
        server = new WebServer(0, Map.of(Route.TELEGRAM_WEBHOOK, module.webhook(rig.bot, rig.settings), Route.CONNECT, module.connect(rig.bot)),
                TrustedProxies.none(), (route, status) -> { }, WebServer.Limits.defaults());
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(Duration.ofSeconds(1));
        if (rig != null) rig.close();
    }

    private HttpRequest.Builder to(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).timeout(Duration.ofSeconds(5));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = to(TelegramSettings.WEBHOOK_PATH).POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        return send(request);
    }

    @Test
    void an_update_with_the_right_secret_is_answered_200_and_reaches_the_screens() throws Exception {
        start(b -> b.webhook(SECRET));
        int mark = rig.api.mark();

        HttpResponse<String> response = post(UPDATE, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(rig.api.awaitContent(mark, 6001).text()).contains("Hi, <b>Ivan</b>");
    }

    @Test
    void a_missing_secret_is_401_a_wrong_one_403_a_body_that_is_not_an_update_400_and_other_methods_405_and_nothing_is_handled() throws Exception {
        start(b -> b.webhook(SECRET));

        assertThat(post(UPDATE, null).statusCode()).isEqualTo(401);
        assertThat(post(UPDATE, SECRET + "x").statusCode()).isEqualTo(403);
        assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
        HttpResponse<String> get = send(to(TelegramSettings.WEBHOOK_PATH).GET());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(rig.users.find(new dev.vpnbot.domain.user.UserId(6001))).isEmpty();
    }

    @Test
    void in_long_polling_mode_the_webhook_route_is_404() throws Exception {
        start(b -> b);
        assertThat(post(UPDATE, SECRET).statusCode()).isEqualTo(404);
    }

    @Test
    void the_connect_page_redirects_with_a_302_and_refuses_posts() throws Exception {
        start(b -> b);
        String link = rig.connectLinks().link(rig.apps.importApp("happ").orElseThrow(), SUB, Language.EN).orElseThrow();
        String path = TelegramSettings.CONNECT_PATH + link.substring(link.indexOf('?'));

        HttpResponse<String> ok = send(to(path).GET());
        HttpResponse<String> post = send(to(path).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location")).contains("happ://add/" + SUB);
        assertThat(ok.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(ok.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(ok.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(ok.body()).contains("href=\"happ://add/" + SUB + "\"");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(send(to(TelegramSettings.CONNECT_PATH + "?app=evil").GET()).statusCode()).isEqualTo(400);
    }
}
