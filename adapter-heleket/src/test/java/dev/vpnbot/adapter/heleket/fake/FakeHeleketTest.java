package dev.vpnbot.adapter.heleket.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake itself behaves as reference §7 says, so tests built on it mean something. */
class FakeHeleketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode VECTORS = vectors();
    private static final String KEY = VECTORS.get("api_key").asText();

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger receiverStatus = new AtomicInteger(200);
    private HttpServer receiver;
    private String callback;
    private FakeHeleket heleket;

    private static JsonNode vectors() {
        try (InputStream in = FakeHeleketTest.class.getResourceAsStream("/heleket-test-vectors.json")) {
            return JSON.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String vectorBody(String name) {
        for (JsonNode v : VECTORS.get("vectors")) if (v.get("name").asText().equals(name)) return v.get("body").asText();
        throw new IllegalArgumentException(name);
    }

    @BeforeEach
    void open() throws Exception {
        heleket = FakeHeleket.start(FakeHeleket.Options.defaults().withKeys("merchant-uuid-1", KEY));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(receiverStatus.get(), -1);
            exchange.close();
        });
        receiver.start();
        callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void close() {
        heleket.close();
        receiver.stop(0);
    }

    private HttpResponse<String> post(String path, String body, String sign) throws Exception {
        return post(path, body, sign, "merchant-uuid-1");
    }

    private HttpResponse<String> post(String path, String body, String sign, String merchant) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(heleket.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("sign", sign);
        if (merchant != null) request.header("merchant", merchant);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String path, String body) throws Exception {
        return post(path, body, FakeHeleket.signOf(body.getBytes(StandardCharsets.UTF_8), KEY));
    }

    private String createBody(String orderId, String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"order_id\":\"" + orderId + "\",\"url_callback\":\"" + callback + "\"}";
    }

    @Test
    void the_sign_is_checked_over_the_exact_bytes_received() throws Exception {
        String escaped = vectorBody("create_invoice_url_slashes_escaped");
        String raw = vectorBody("create_invoice_url_slashes_raw");
        String signOfEscaped = "804d37b2ff0e961b85866558be321f6d";
        assertThat(post("/v1/payment", raw, signOfEscaped).statusCode()).as("signed one form, sent the other").isEqualTo(401);
        assertThat(post("/v1/payment", raw, signOfEscaped).body()).isEqualTo("{\"state\":1,\"message\":\"Invalid Sign.\"}");
        assertThat(post("/v1/payment", escaped, signOfEscaped).statusCode()).isEqualTo(200);
        assertThat(post("/v1/payment", raw, "4A32B59052FD0AC026CE3965A88E0719").statusCode()).as("hex case does not matter").isEqualTo(200);
    }

    @Test
    void an_unknown_or_missing_merchant_is_refused() throws Exception {
        String body = vectorBody("create_invoice_minimal");
        assertThat(post("/v1/payment", body, "908b8194a549d5252e4bbbc85f4a5de8", "someone-else").statusCode()).isEqualTo(401);
        assertThat(post("/v1/payment", body, "908b8194a549d5252e4bbbc85f4a5de8", null).statusCode()).isEqualTo(401);
        assertThat(post("/v1/payment", body, "908b8194a549d5252e4bbbc85f4a5de8").statusCode()).isEqualTo(200);
    }

    @Test
    void an_empty_body_is_signed_over_nothing_and_payment_info_then_wants_an_identifier() throws Exception {
        HttpResponse<String> response = post("/v1/payment/info", "", "6e42b31b52a74432f6ccf3417e1c34c4");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("errors").fieldNames()).toIterable().containsExactly("uuid", "order_id");
    }

    @Test
    void validation_errors_are_collected_into_one_422() throws Exception {
        HttpResponse<String> response = signed("/v1/payment",
                "{\"currency\":\"USD\",\"order_id\":\"bad id!\",\"lifetime\":100,\"url_callback\":\"ftp://x.example\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.get("amount").get(0).asText()).isEqualTo("validation.required");
        assertThat(errors.get("order_id").get(0).asText()).isEqualTo("validation.alpha_dash");
        assertThat(errors.get("lifetime").get(0).asText()).isEqualTo("validation.between.numeric");
        assertThat(errors.get("url_callback").get(0).asText()).isEqualTo("validation.url");
        assertThat(heleket.invoices()).isEmpty();
    }

    @Test
    void a_repeated_order_id_gets_the_stored_invoice_whatever_it_asks_now() throws Exception {
        JsonNode first = JSON.readTree(signed("/v1/payment", createBody("o-1", "5")).body()).get("result");
        JsonNode again = JSON.readTree(signed("/v1/payment", createBody("o-1", "7.00")).body()).get("result");
        assertThat(first.get("amount").asText()).isEqualTo("5.00");
        assertThat(again).isEqualTo(first);
        assertThat(first.get("payment_status").asText()).isEqualTo("check");
        assertThat(first.get("is_final").asBoolean()).isFalse();
        assertThat(heleket.invoices()).hasSize(1);
        assertThat(heleket.requests("/v1/payment")).hasSize(2);
    }

    @Test
    void responses_escape_slashes_as_php_does() throws Exception {
        String body = signed("/v1/payment", createBody("o-1", "5")).body();
        assertThat(body).contains("\"url\":\"https:\\/\\/pay.heleket.test\\/pay\\/");
    }

    @Test
    void only_post_is_served_and_unknown_invoices_are_not_found() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(heleket.baseUrl() + "/v1/payment/info")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = signed("/v1/payment/info", "{\"order_id\":\"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"state\":1,\"message\":\"Payment not found\"}");
    }

    @Test
    void a_webhook_is_retried_until_acknowledged_or_out_of_attempts() throws Exception {
        signed("/v1/payment", createBody("o-1", "5"));
        signed("/v1/payment", createBody("o-2", "5"));
        receiverStatus.set(500);
        heleket.pay("o-1");
        assertThat(heleket.awaitWebhooks()).hasSize(3).allSatisfy(d -> assertThat(d.responseCode()).isEqualTo(500))
                .extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        receiverStatus.set(200);
        heleket.pay("o-2");
        assertThat(heleket.awaitWebhooks()).hasSize(4).last().satisfies(d -> assertThat(d.acknowledged()).isTrue());
    }

    @Test
    void a_webhook_is_signed_like_php_and_sign_comes_last() throws Exception {
        signed("/v1/payment", createBody("o-1", "5"));
        heleket.annotate("o-1", "Заказ https://x.example/1");
        heleket.pay("o-1");
        String body = heleket.awaitWebhooks().get(0).bodyText();
        String signed = body.substring(0, body.lastIndexOf(",\"sign\":")) + "}";
        String sign = body.replaceAll(".*\"sign\":\"([0-9a-f]{32})\"}$", "$1");
        assertThat(FakeHeleket.signOf(signed.getBytes(StandardCharsets.UTF_8), KEY)).isEqualTo(sign);
        assertThat(signed).contains("\"additional_data\":\"Заказ https:\\/\\/x.example\\/1\"").startsWith("{\"type\":\"payment\",\"uuid\":");
    }

    @Test
    void resend_is_only_for_final_paid_or_wrong_amount_invoices() throws Exception {
        signed("/v1/payment", createBody("o-1", "5"));
        assertThat(signed("/v1/payment/resend", "{\"order_id\":\"o-1\"}").statusCode()).isEqualTo(400);
        heleket.pay("o-1");
        heleket.awaitWebhooks();
        HttpResponse<String> resent = signed("/v1/payment/resend", "{\"order_id\":\"o-1\"}");
        assertThat(resent.body()).isEqualTo("{\"state\":0,\"result\":[]}");
        List<WebhookDelivery> deliveries = heleket.awaitWebhooks();
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(1).bodyText()).isEqualTo(deliveries.get(0).bodyText());
    }

    @Test
    void test_webhook_signs_any_status_for_a_real_invoice_without_changing_it() throws Exception {
        String uuid = JSON.readTree(signed("/v1/payment", createBody("o-1", "5")).body()).get("result").get("uuid").asText();
        HttpResponse<String> response = signed("/v1/test-webhook/payment",
                "{\"url_callback\":\"" + callback + "\",\"currency\":\"USDT\",\"network\":\"tron\",\"uuid\":\"" + uuid + "\",\"status\":\"paid\"}");
        assertThat(response.body()).isEqualTo("{\"state\":0,\"result\":[]}");
        assertThat(heleket.awaitWebhooks()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("paid");
            assertThat(d.bodyText()).contains("\"order_id\":\"o-1\"");
        });
        assertThat(heleket.invoice("o-1").orElseThrow().status()).isEqualTo("check");
        assertThat(signed("/v1/test-webhook/payment", "{\"url_callback\":\"http://" + "x".repeat(150) + "\",\"currency\":\"USDT\","
                + "\"network\":\"tron\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void without_top_ups_an_underpayment_is_final_at_once_and_within_the_accuracy_it_counts_as_paid() throws Exception {
        signed("/v1/payment", "{\"amount\":\"10\",\"currency\":\"USD\",\"order_id\":\"strict\",\"is_payment_multiple\":false}");
        assertThat(heleket.payPartly("strict", "4").status()).isEqualTo("wrong_amount");
        assertThat(heleket.invoice("strict").orElseThrow().isFinal()).isTrue();
        assertThatThrownBy(() -> heleket.pay("strict")).isInstanceOf(IllegalStateException.class);

        signed("/v1/payment", "{\"amount\":\"10\",\"currency\":\"USD\",\"order_id\":\"lenient\",\"accuracy_payment_percent\":5}");
        assertThat(heleket.payPartly("lenient", "9.60").status()).isEqualTo("paid");
    }

    @Test
    void faults_are_played_once_each_then_the_fake_answers_normally_again() throws Exception {
        heleket.failNext("/v1/payment", 2, Fault.badGatewayEmpty());
        assertThat(signed("/v1/payment", createBody("o-1", "5")).statusCode()).isEqualTo(502);
        assertThat(signed("/v1/payment", createBody("o-1", "5")).statusCode()).isEqualTo(502);
        assertThat(signed("/v1/payment", createBody("o-1", "5")).statusCode()).isEqualTo(200);
    }
}
