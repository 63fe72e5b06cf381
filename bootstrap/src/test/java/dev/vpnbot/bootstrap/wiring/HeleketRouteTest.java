package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.heleket.IpRange;
import dev.vpnbot.adapter.heleket.fake.SignedWebhook;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.TrustedProxies;
import dev.vpnbot.bootstrap.http.WebServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/heleket} as the bot serves it: HeleketModule's route on the server, so
 * the method and size checks and the sender behind our proxies are the server's, the rest
 * Heleket's webhook.
 */
class HeleketRouteTest {
    private static final String KEY = "route-test-key";
    private final AtomicInteger confirmations = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private WebServer server;
    private URI url;

    private void start(List<IpRange> senders, Predicate<InetAddress> trustedProxy) throws IOException {
        HeleketSettings settings = new HeleketSettings("m", KEY, URI.create("https://api.heleket.com"),
                "https://bot.example/webhooks/heleket", null, senders, Duration.ofSeconds(5));
        ConfirmPaymentUseCase payments = c -> {
            confirmations.incrementAndGet();
            return ConfirmPaymentUseCase.Outcome.PENDING;
        };
        server = new WebServer(0, Map.of(Route.HELEKET_WEBHOOK, new HeleketModule().webhook(Optional.of(settings), payments)),
                new TrustedProxies(trustedProxy), (route, status) -> { }, WebServer.Limits.defaults());
        server.start();
        url = URI.create("http://127.0.0.1:" + server.port() + Route.HELEKET_WEBHOOK.path());
    }

    /** Webhooks allowed from this machine only, and no proxy in front. */
    private void start() throws IOException {
        start(List.of(IpRange.parse("127.0.0.1")), address -> false);
    }

    @AfterEach
    void close() {
        if (server != null) server.stop(Duration.ofSeconds(1));
    }

    private HttpResponse<String> post(byte[] body, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (forwardedFor != null) request.header("X-Forwarded-For", forwardedFor);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return post(body, null);
    }

    private static byte[] signed(String status) {
        return SignedWebhook.body(SignedWebhook.payment("u", "vpn-1-a", status, "5.00", "USD"), KEY);
    }

    @Test
    void a_signed_webhook_is_answered_200_in_plain_text() throws Exception {
        start();
        HttpResponse<String> response = post(signed("check"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(confirmations).hasValue(1);
    }

    @Test
    void only_post_is_accepted() throws Exception {
        start();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void an_announced_oversized_body_is_refused_413_and_so_is_a_chunked_one() throws Exception {
        start();
        assertThat(post(new byte[Route.HELEKET_WEBHOOK.maxBodyBytes() + 1]).statusCode()).isEqualTo(413);

        HttpURLConnection chunked = (HttpURLConnection) url.toURL().openConnection();
        chunked.setDoOutput(true);
        chunked.setRequestMethod("POST");
        chunked.setChunkedStreamingMode(512);
        try (OutputStream out = chunked.getOutputStream()) {
            out.write("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
            out.write("x".repeat(Route.HELEKET_WEBHOOK.maxBodyBytes()).getBytes(StandardCharsets.UTF_8));
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the server may answer and close before the whole body is written
        }
        assertThat(chunked.getResponseCode()).isEqualTo(413);
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void a_signed_body_of_exactly_the_limit_is_read() throws Exception {
        start();
        Map<String, Object> payload = SignedWebhook.payment("u-1", "vpn-1-a", "paid", "5.00", "USD");
        payload.put("additional_data", "");
        int withoutFiller = SignedWebhook.body(payload, KEY).length;
        payload.put("additional_data", "x".repeat(Route.HELEKET_WEBHOOK.maxBodyBytes() - withoutFiller));
        byte[] exactly = SignedWebhook.body(payload, KEY);
        assertThat(exactly).hasSize(Route.HELEKET_WEBHOOK.maxBodyBytes());

        assertThat(post(exactly).statusCode()).isEqualTo(200);
        payload.put("additional_data", "x".repeat(Route.HELEKET_WEBHOOK.maxBodyBytes() - withoutFiller + 1));
        assertThat(post(SignedWebhook.body(payload, KEY)).statusCode()).isEqualTo(413);
        assertThat(confirmations).hasValue(1);
    }

    @Test
    void a_sender_outside_the_allowlist_is_refused() throws Exception {
        start(List.of(IpRange.parse("31.133.220.8")), address -> false);
        HttpResponse<String> response = post(signed("paid"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("forbidden");
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void malformed_and_forged_bodies_get_400_and_401() throws Exception {
        start();
        assertThat(post("{oops".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post(SignedWebhook.body(SignedWebhook.payment("u", "vpn-1-a", "paid", "5.00", "USD"), "not-the-key")).statusCode())
                .isEqualTo(401);
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void through_our_proxy_the_sender_is_the_last_address_that_is_not_one_of_our_proxies() throws Exception {
        // this machine is our nginx, 10.0.0.0/8 our other proxies; Heleket is 31.133.220.8
        start(HeleketSettings.DEFAULT_WEBHOOK_SENDERS, address -> address.isLoopbackAddress() || address.getAddress()[0] == 10);

        assertThat(post(signed("paid"), "31.133.220.8").statusCode()).isEqualTo(200);
        assertThat(post(signed("paid"), "31.133.220.8, 10.0.0.7").statusCode()).isEqualTo(200);
        assertThat(post(signed("paid"), "31.133.220.8, 203.0.113.9").statusCode()).as("a client-written first hop proves nothing")
                .isEqualTo(403);
        assertThat(post(signed("paid"), "203.0.113.9").statusCode()).isEqualTo(403);
        assertThat(post(signed("paid"), "heleket.example").statusCode()).as("names are not addresses").isEqualTo(403);
        assertThat(post(signed("paid")).statusCode()).as("the proxy itself is not Heleket").isEqualTo(403);
        assertThat(confirmations).hasValue(2);
    }

    @Test
    void x_forwarded_for_is_not_believed_from_a_sender_that_is_not_our_proxy() throws Exception {
        start(HeleketSettings.DEFAULT_WEBHOOK_SENDERS, address -> address.getAddress()[0] == 10);
        assertThat(post(signed("paid"), "31.133.220.8").statusCode()).isEqualTo(403);
        assertThat(confirmations).hasValue(0);
    }

    @Test
    void a_sender_that_may_not_send_webhooks_is_refused_before_its_body_is_read() throws Exception {
        start(List.of(IpRange.parse("10.1.2.3")), address -> false); // we call from 127.0.0.1, not Heleket's address

        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000); // reading the body first would hold us until the server's 30 s request limit
            // the headers promise a body that never comes
            socket.getOutputStream().write(("POST " + Route.HELEKET_WEBHOOK.path() + " HTTP/1.1\r\nHost: bot\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 403 Forbidden");
        }
        assertThat(confirmations).hasValue(0);
    }
}
