package dev.vpnbot.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The route table over real HTTP. */
class WebServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final BotMetrics metrics = new BotMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(), Optional.empty());
    private final AtomicReference<WebRequest> seen = new AtomicReference<>();
    private final java.util.concurrent.CountDownLatch inSlowHandler = new java.util.concurrent.CountDownLatch(1);
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebServer(0, Map.of(
                Route.HELEKET_WEBHOOK, request -> {
                    seen.set(request);
                    return WebReply.text(200, "ok");
                },
                Route.CONNECT, request -> request.queryParameter("to").map(WebReply::redirect)
                        .orElse(WebReply.text(400, "where to?")),
                Route.HEALTH, request -> {
                    throw new IllegalStateException("boom");
                },
                Route.TELEGRAM_WEBHOOK, request -> {
                    inSlowHandler.countDown();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return WebReply.text(200, "slow but done");
                }), TrustedProxies.none(), metrics::httpRequest, WebServer.Limits.defaults());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).timeout(Duration.ofSeconds(5));
    }

    @Test
    void a_plugged_in_handler_gets_the_body_headers_and_peer_address() throws Exception {
        HttpResponse<String> r = send(to("/webhooks/heleket").header("X-Forwarded-For", "31.133.220.8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"paid\"}")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        WebRequest request = seen.get();
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"paid\"}");
        assertThat(request.header("x-forwarded-for")).contains("31.133.220.8");
        assertThat(request.peer().isLoopbackAddress()).isTrue();
        assertThat(request.client()).as("no proxy is trusted: X-Forwarded-For is ignored").contains(request.peer());
    }

    @Test
    void query_parameters_are_decoded_and_a_handler_may_redirect() throws Exception {
        HttpResponse<String> r = send(to("/connect?to=happ%3A%2F%2Fadd%2Fx").GET());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("happ://add/x");
    }

    @Test
    void unknown_paths_and_routes_without_a_handler_are_404() throws Exception {
        assertThat(send(to("/nothing").GET()).statusCode()).isEqualTo(404);
        assertThat(send(to("/metrics").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_wrong_method_is_405_with_the_allowed_one() throws Exception {
        HttpResponse<String> r = send(to("/webhooks/heleket").GET());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
        assertThat(seen.get()).isNull();
    }

    @Test
    void a_body_over_the_route_limit_is_refused_before_the_handler_sees_it() throws Exception {
        byte[] big = new byte[Route.HELEKET_WEBHOOK.maxBodyBytes() + 1];
        HttpResponse<String> r = send(to("/webhooks/heleket").POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(seen.get()).isNull();
    }

    @Test
    void a_body_at_the_route_limit_is_read_whole() throws Exception {
        byte[] exactly = new byte[Route.HELEKET_WEBHOOK.maxBodyBytes()];
        java.util.Arrays.fill(exactly, (byte) 'x');
        HttpResponse<String> r = send(to("/webhooks/heleket").POST(HttpRequest.BodyPublishers.ofByteArray(exactly)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(seen.get().body()).isEqualTo(exactly);
    }

    @Test
    void a_chunked_body_over_the_route_limit_is_refused_413_too() throws Exception {
        java.net.HttpURLConnection chunked = (java.net.HttpURLConnection) to("/webhooks/heleket").build().uri().toURL().openConnection();
        chunked.setDoOutput(true);
        chunked.setRequestMethod("POST");
        chunked.setChunkedStreamingMode(512);
        try (java.io.OutputStream out = chunked.getOutputStream()) {
            out.write(new byte[Route.HELEKET_WEBHOOK.maxBodyBytes() + 100]);
        } catch (java.io.IOException e) {
            // the server may answer and close before the whole body is written
        }
        assertThat(chunked.getResponseCode()).isEqualTo(413);
        assertThat(seen.get()).isNull();
    }

    @Test
    void heleket_notifications_may_be_32_kib_and_telegram_updates_1_mib() {
        assertThat(Route.HELEKET_WEBHOOK.maxBodyBytes()).isEqualTo(32 * 1024);
        assertThat(Route.TELEGRAM_WEBHOOK.maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    /** The client a handler is told about when a request with {@code forwardedFor} comes from 127.0.0.1. */
    private Optional<InetAddress> clientSeenBehind(TrustedProxies proxies, String forwardedFor) throws Exception {
        AtomicReference<WebRequest> request = new AtomicReference<>();
        WebServer behind = new WebServer(0, Map.of(Route.CONNECT, r -> {
            request.set(r);
            return WebReply.text(200, "ok");
        }), proxies, metrics::httpRequest, WebServer.Limits.defaults());
        behind.start();
        try {
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + behind.port() + "/connect"))
                    .timeout(Duration.ofSeconds(5)).GET();
            if (forwardedFor != null) get.header("X-Forwarded-For", forwardedFor);
            assertThat(send(get).statusCode()).isEqualTo(200);
            assertThat(request.get().peer().isLoopbackAddress()).isTrue();
            return request.get().client();
        } finally {
            behind.stop(Duration.ofSeconds(1));
        }
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_address_it_forwarded() throws Exception {
        TrustedProxies loopback = new TrustedProxies(InetAddress::isLoopbackAddress);
        assertThat(clientSeenBehind(loopback, "31.133.220.8")).contains(ip("31.133.220.8"));
        assertThat(clientSeenBehind(loopback, null)).as("nothing forwarded: the proxy itself").contains(ip("127.0.0.1"));
    }

    @Test
    void belief_stops_at_the_first_hop_that_is_not_a_trusted_proxy() throws Exception {
        TrustedProxies loopback = new TrustedProxies(InetAddress::isLoopbackAddress);
        assertThat(clientSeenBehind(loopback, "31.133.220.8, 203.0.113.9")).as("what 203.0.113.9 claims proves nothing")
                .contains(ip("203.0.113.9"));
    }

    @Test
    void a_forwarded_for_header_from_a_peer_that_is_no_proxy_of_ours_is_ignored() throws Exception {
        TrustedProxies elsewhere = new TrustedProxies(address -> address.getAddress()[0] == 10);
        assertThat(clientSeenBehind(elsewhere, "31.133.220.8")).contains(ip("127.0.0.1"));
        assertThat(clientSeenBehind(TrustedProxies.none(), "31.133.220.8")).contains(ip("127.0.0.1"));
    }

    @Test
    void a_trusted_proxy_that_forwards_a_name_leaves_the_client_unknown() throws Exception {
        assertThat(clientSeenBehind(new TrustedProxies(InetAddress::isLoopbackAddress), "heleket.example")).isEmpty();
    }

    @Test
    void a_failing_handler_gets_500_without_details_and_the_server_goes_on() throws Exception {
        HttpResponse<String> r = send(to("/healthz").GET());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("internal error\n").doesNotContain("boom");
        assertThat(send(to("/connect?to=x").GET()).statusCode()).isEqualTo(302);
    }

    @Test
    void requests_are_counted_by_route_and_status() throws Exception {
        send(to("/connect?to=x").GET());
        send(to("/nothing").GET());
        String connect = "vpnbot_http_requests_total{route=\"connect\",status=\"302\"} 1";
        String unknown = "vpnbot_http_requests_total{route=\"unknown\",status=\"404\"} 1";
        // the server counts a request once its answer is out, so the client may read the page first
        Await.until("both requests counted", Duration.ofSeconds(10), () -> metrics.scrape().contains(connect) && metrics.scrape().contains(unknown));
        assertThat(metrics.scrape()).contains(connect).contains(unknown);
    }

    @Test
    void stopping_lets_a_request_in_progress_finish() throws Exception {
        var response = http.sendAsync(to("/webhooks/telegram").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inSlowHandler.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        server.stop(Duration.ofSeconds(5));

        assertThat(response.get(5, java.util.concurrent.TimeUnit.SECONDS).body()).isEqualTo("slow but done");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2)); // no idle waiting
    }

    @Test
    void after_stop_the_port_is_closed() throws Exception {
        int port = server.port();
        server.stop(Duration.ofSeconds(1));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connect")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
    }
}
