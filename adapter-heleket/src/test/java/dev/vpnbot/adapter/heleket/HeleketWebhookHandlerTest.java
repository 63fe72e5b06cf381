package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.heleket.fake.SignedWebhook;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint mounted on the JDK HTTP server: method, size limit before reading, plain-text answers. */
class HeleketWebhookHandlerTest {
    private static final String KEY = "handler-test-key";
    private final AtomicInteger confirmations = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;
    private URI url;

    private void start(List<IpRange> senders) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HeleketSettings settings = new HeleketSettings("m", KEY, URI.create("https://api.heleket.com"), "https://bot.example/webhooks/heleket",
                null, senders, List.of(), 2048, Duration.ofSeconds(5));
        ConfirmPaymentUseCase payments = c -> {
            confirmations.incrementAndGet();
            return ConfirmPaymentUseCase.Outcome.PENDING;
        };
        server.createContext(HeleketWebhook.PATH, new HeleketWebhookHandler(new HeleketWebhook(settings, payments)));
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + HeleketWebhook.PATH);
    }

    @BeforeEach
    void open() throws Exception {
        start(List.of(IpRange.parse("127.0.0.1")));
    }

    @AfterEach
    void close() {
        server.stop(0);
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_signed_webhook_is_answered_200_in_plain_text() throws Exception {
        HttpResponse<String> response = post(SignedWebhook.body(SignedWebhook.payment("u", "vpn-1-a", "check", "5.00", "USD"), KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(confirmations).hasValue(1);
    }

    @Test
    void only_post_is_accepted() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void an_announced_oversized_body_is_refused_413_and_so_is_a_chunked_one() throws Exception {
        assertThat(post(new byte[5000]).statusCode()).isEqualTo(413);

        HttpURLConnection chunked = (HttpURLConnection) url.toURL().openConnection();
        chunked.setDoOutput(true);
        chunked.setRequestMethod("POST");
        chunked.setChunkedStreamingMode(512);
        try (OutputStream out = chunked.getOutputStream()) {
            out.write("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
            out.write("x".repeat(4000).getBytes(StandardCharsets.UTF_8));
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(chunked.getResponseCode()).isEqualTo(413);
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void a_sender_outside_the_allowlist_is_refused_before_the_body_is_read() throws Exception {
        server.stop(0);
        start(List.of(IpRange.parse("31.133.220.8")));
        HttpResponse<String> response = post(SignedWebhook.body(SignedWebhook.payment("u", "vpn-1-a", "paid", "5.00", "USD"), KEY));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void malformed_and_forged_bodies_get_400_and_401() throws Exception {
        assertThat(post("{oops".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post(SignedWebhook.body(SignedWebhook.payment("u", "vpn-1-a", "paid", "5.00", "USD"), "not-the-key")).statusCode())
                .isEqualTo(401);
        assertThat(confirmations).hasValue(0);
    }

}
