package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.adapter.heleket.fake.SignedWebhook;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PublicOrderId;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook endpoint on its own: which deliveries reach the core, and what Heleket is answered. */
class HeleketWebhookTest {
    private static final JsonNode PHP = vectors();
    private static final String KEY = PHP.get("api_key").asText();
    private static final InetAddress HELEKET = ip("31.133.220.8");
    private static final InetAddress STRANGER = ip("203.0.113.5");
    private static final InetAddress OUR_PROXY = ip("10.1.2.3");

    private final HeleketSettings settings = new HeleketSettings("merchant-1", KEY, URI.create("https://api.heleket.com"),
            "https://bot.example/webhooks/heleket", null, HeleketSettings.DEFAULT_WEBHOOK_SENDERS, Duration.ofSeconds(5));
    private final RecordingPayments payments = new RecordingPayments();
    private final HeleketWebhook webhook = new HeleketWebhook(settings, payments);

    /** The core's use case, recorded; answers what the test says. */
    private static final class RecordingPayments implements ConfirmPaymentUseCase {
        final List<ConfirmPaymentCommand> received = new ArrayList<>();
        Function<ConfirmPaymentCommand, Outcome> answer = c -> Outcome.PAID;

        @Override
        public Outcome confirm(ConfirmPaymentCommand command) {
            received.add(command);
            return answer.apply(command);
        }
    }

    private static JsonNode vectors() {
        try (InputStream in = HeleketWebhookTest.class.getResourceAsStream("/php-webhook-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String phpBody(String vector, String variant) {
        for (JsonNode v : PHP.get("vectors")) {
            if (v.get("name").asText().equals(vector)) return v.get("bodies").get(variant).asText();
        }
        throw new IllegalArgumentException(vector);
    }

    private static InetAddress ip(String literal) {
        return IpRange.parseLiteral(literal).orElseThrow();
    }

    private WebhookReply post(String body, InetAddress from) {
        return webhook.handle(body.getBytes(StandardCharsets.UTF_8), Optional.of(from));
    }

    private WebhookReply post(byte[] body) {
        return webhook.handle(body, Optional.of(HELEKET));
    }

    @Test
    void a_signed_paid_webhook_from_heleket_reaches_the_core_and_is_answered_200() {
        String body = phpBody("unicode_slashes_html_emoji", "unescaped_unicode");
        WebhookReply reply = post(body, HELEKET);

        assertThat(reply).isEqualTo(new WebhookReply(200, "PAID"));
        assertThat(payments.received).singleElement().satisfies(c -> {
            assertThat(c.invoiceId()).isEqualTo("a3c1f2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b");
            assertThat(c.orderId()).isEqualTo(new PublicOrderId("vpn-7-k3x9q7"));
            assertThat(c.status()).isEqualTo(PaymentStatus.PAID);
            assertThat(c.rawStatus()).isEqualTo("paid");
            assertThat(c.paid()).isEqualTo(Money.of("5.00", "USD"));
            assertThat(c.payload()).isEqualTo(body);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"php_default_flags", "unescaped_slashes", "pretty_printed"})
    void the_same_webhook_verifies_however_php_escaped_or_spaced_it(String variant) {
        assertThat(post(phpBody("unicode_slashes_html_emoji", variant), HELEKET).status()).isEqualTo(200);
        assertThat(post(phpBody("controls_and_line_separators", variant), HELEKET).status()).isEqualTo(200);
        assertThat(payments.received).hasSize(2);
    }

    @Test
    void a_webhook_from_an_address_that_is_not_heleket_s_is_refused_403_and_reaches_nothing() {
        assertThat(post(phpBody("plain_ascii", "unescaped_unicode"), STRANGER)).isEqualTo(new WebhookReply(403, "forbidden"));
        assertThat(payments.received).isEmpty();
    }

    @Test
    void a_sender_nobody_can_name_is_refused_403_and_reaches_nothing() {
        // the server says "unknown" when a proxy of ours forwarded a hop that is not an address
        // (bootstrap's TrustedProxiesTest and HeleketRouteTest show who the sender is behind our proxies)
        WebhookReply reply = webhook.handle(phpBody("plain_ascii", "unescaped_unicode").getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(reply).isEqualTo(new WebhookReply(403, "forbidden"));
        assertThat(post(phpBody("plain_ascii", "unescaped_unicode"), OUR_PROXY).status()).as("the proxy itself is not Heleket").isEqualTo(403);
        assertThat(payments.received).isEmpty();
    }

    @Test
    void an_empty_allowlist_leaves_the_sign_as_the_only_check() {
        HeleketWebhook open = new HeleketWebhook(settings.withWebhookSenders(List.of()), payments);
        assertThat(open.handle(phpBody("plain_ascii", "unescaped_unicode").getBytes(StandardCharsets.UTF_8), Optional.of(STRANGER)).status())
                .isEqualTo(200);
        assertThat(open.handle("{\"sign\":\"00\"}".getBytes(StandardCharsets.UTF_8), Optional.of(STRANGER)).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"paid\"", "{\"sign\":\"a\"} trailing", "{\"a\":1,\"a\":2,\"sign\":\"x\"}",
            "{\"a\":\"\\ud800\",\"sign\":\"x\"}", "{\"a\":01,\"sign\":\"x\"}", "{\"a\":NaN,\"sign\":\"x\"}"})
    void malformed_bodies_are_refused_400_and_reach_nothing(String body) {
        assertThat(post(body, HELEKET)).isEqualTo(new WebhookReply(400, "malformed"));
        assertThat(payments.received).isEmpty();
    }

    @Test
    void invalid_utf8_is_malformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(post(body).status()).isEqualTo(400);
    }

    @Test
    void a_forged_a_tampered_or_a_missing_sign_is_refused_401_and_reaches_nothing() {
        String body = phpBody("plain_ascii", "unescaped_unicode");
        assertThat(post(body.replace("\"status\":\"paid\"", "\"status\":\"paid_over\""), HELEKET)).isEqualTo(new WebhookReply(401, "invalid sign"));
        assertThat(post(body.replaceAll("\"sign\":\"[0-9a-f]+\"", "\"sign\":\"0123456789abcdef0123456789abcdef\""), HELEKET).status()).isEqualTo(401);
        assertThat(post(body.replaceAll(",\"sign\":\"[0-9a-f]+\"", ""), HELEKET).status()).isEqualTo(401);
        assertThat(post(body.replaceAll("\"sign\":\"([0-9a-f]+)\"", "\"sign\":[\"$1\"]"), HELEKET).status()).isEqualTo(401);
        assertThat(post(SignedWebhook.body(SignedWebhook.payment("u-1", "vpn-1-a", "paid", "5.00", "USD"), "another key"))).extracting(WebhookReply::status)
                .isEqualTo(401);
        assertThat(payments.received).isEmpty();
    }

    @Test
    void the_sign_is_accepted_in_upper_case_hex() {
        String body = phpBody("plain_ascii", "unescaped_unicode");
        String sign = body.replaceAll(".*\"sign\":\"([0-9a-f]+)\".*", "$1");
        assertThat(post(body.replace(sign, sign.toUpperCase()), HELEKET).status()).isEqualTo(200);
    }

    @Test
    void a_signed_notification_without_order_id_is_malformed() {
        Map<String, Object> payload = SignedWebhook.payment("u-1", "vpn-1-a", "paid", "5.00", "USD");
        payload.remove("order_id");
        assertThat(post(SignedWebhook.body(payload, KEY))).isEqualTo(new WebhookReply(400, "malformed"));
        assertThat(payments.received).isEmpty();
    }

    @Test
    void an_order_id_that_cannot_be_ours_and_a_static_wallet_webhook_are_acknowledged_and_ignored() {
        assertThat(post(SignedWebhook.body(SignedWebhook.payment("u-1", "заказ 1", "paid", "5.00", "USD"), KEY)))
                .isEqualTo(new WebhookReply(200, "unknown order"));
        Map<String, Object> wallet = SignedWebhook.payment("u-2", "vpn-1-a", "paid", "5.00", "USD");
        wallet.put("type", "wallet");
        assertThat(post(SignedWebhook.body(wallet, KEY))).isEqualTo(new WebhookReply(200, "ignored"));
        assertThat(payments.received).isEmpty();
    }

    @Test
    void an_unknown_order_is_answered_200_so_heleket_stops_retrying() {
        payments.answer = c -> Outcome.UNKNOWN_ORDER;
        assertThat(post(phpBody("plain_ascii", "unescaped_unicode"), HELEKET)).isEqualTo(new WebhookReply(200, "UNKNOWN_ORDER"));
    }

    @Test
    void when_heleket_cannot_be_asked_back_the_answer_is_503_so_it_delivers_again() {
        payments.answer = c -> Outcome.GATEWAY_UNREACHABLE;
        assertThat(post(phpBody("plain_ascii", "unescaped_unicode"), HELEKET)).isEqualTo(new WebhookReply(503, "retry later"));
        payments.answer = c -> Outcome.GATEWAY_ANSWER_UNUSABLE;
        assertThat(post(phpBody("plain_ascii", "unescaped_unicode"), HELEKET).status()).isEqualTo(500);
        payments.answer = c -> {
            throw new IllegalStateException("database down");
        };
        assertThat(post(phpBody("plain_ascii", "unescaped_unicode"), HELEKET).status()).isEqualTo(500);
    }

    @ParameterizedTest
    @CsvSource({"paid, PAID", "paid_over, PAID_OVER", "wrong_amount, WRONG_AMOUNT", "check, PENDING", "process, PENDING",
            "confirm_check, PENDING", "wrong_amount_waiting, PENDING", "cancel, FAILED", "fail, FAILED", "system_fail, FAILED",
            "refund_process, REFUNDED", "refund_paid, REFUNDED", "refund_fail, REFUNDED", "locked, PENDING", "something_new, PENDING"})
    void every_heleket_status_reaches_the_core_in_our_terms_and_is_acknowledged(String heleketStatus, PaymentStatus ours) {
        WebhookReply reply = post(SignedWebhook.body(SignedWebhook.payment("u-1", "vpn-1-a", heleketStatus, "5.00", "USD"), KEY));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(payments.received).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ours);
            assertThat(c.rawStatus()).isEqualTo(heleketStatus);
        });
    }

    @Test
    void an_unknown_status_is_logged() {
        try (CapturedLogs logs = new CapturedLogs()) {
            post(SignedWebhook.body(SignedWebhook.payment("u-1", "vpn-1-a", "something_new", "5.00", "USD"), KEY));
            assertThat(logs.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("something_new"));
        }
    }

    @Test
    void every_refusal_leaves_a_log_line_saying_why() {
        try (CapturedLogs logs = new CapturedLogs()) {
            post(phpBody("plain_ascii", "unescaped_unicode"), STRANGER);
            post("nope", HELEKET);
            post(phpBody("plain_ascii", "unescaped_unicode").replace("vpn-7", "vpn-8"), HELEKET);
            assertThat(logs.lines()).hasSize(3).allMatch(l -> l.startsWith("WARN"));
            assertThat(logs.lines().get(0)).contains("403").contains("203.0.113.5");
            assertThat(logs.lines().get(1)).contains("400").contains("not valid JSON");
            assertThat(logs.lines().get(2)).contains("401").contains("sign");
        }
    }
}
