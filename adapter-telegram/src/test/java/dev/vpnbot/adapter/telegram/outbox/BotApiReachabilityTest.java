package dev.vpnbot.adapter.telegram.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;

/** An outage of the Bot API is one log line naming the address and what to check, however many calls fail; recovery is one more. */
class BotApiReachabilityTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(BotApiReachability.class);
    private HttpServer server;

    @BeforeEach
    void listen() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        if (server != null) server.stop(0);
    }

    private static Response call(OkHttpClient client, String url) throws IOException {
        return client.newCall(new Request.Builder().url(url + "/bot123:abc/getMe").build()).execute();
    }

    @Test
    void an_unreachable_bot_api_is_one_line_with_the_address_and_the_variable_to_check() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        BotApiReachability reach = new BotApiReachability(new TelegramUrl("http", "127.0.0.1", port, false));
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(reach).build();

        for (int i = 0; i < 3; i++) assertThatThrownBy(() -> call(client, reach.address()));

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Telegram Bot API at http://127.0.0.1:" + port + " unreachable (connection refused); check TELEGRAM_API_URL and the network");
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(reach.outage()).hasValueSatisfying(o -> assertThat(o.failedCalls()).isEqualTo(3));
        assertThat(reach.everAnswered()).isFalse();
    }

    @Test
    void a_failing_bot_api_is_one_line_and_its_recovery_another() throws Exception {
        AtomicInteger status = new AtomicInteger(502);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"ok\":true,\"result\":true}".getBytes();
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        BotApiReachability reach = new BotApiReachability(new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false));
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(reach).build();

        for (int i = 0; i < 4; i++) call(client, url).close();
        status.set(200);
        call(client, url).close();
        call(client, url).close();

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2);
        assertThat(logs.list.get(0).getFormattedMessage()).isEqualTo("Telegram Bot API at " + url
                + " failing (502 Bad Gateway); check TELEGRAM_API_URL (a relay there may be down); retrying");
        assertThat(logs.list.get(1).getFormattedMessage()).startsWith("Telegram Bot API at " + url + " answers again (after ")
                .endsWith("s and 4 failed calls)");
        assertThat(reach.outage()).isEmpty();
        assertThat(reach.everAnswered()).isTrue();
    }
}
