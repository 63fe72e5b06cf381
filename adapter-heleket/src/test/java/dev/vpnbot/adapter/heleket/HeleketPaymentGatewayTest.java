package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.heleket.fake.Fault;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.heleket.fake.InvoiceView;
import dev.vpnbot.adapter.heleket.fake.RecordedRequest;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway adapter against the fake Heleket: what it sends, what it believes, how it fails. */
class HeleketPaymentGatewayTest {
    private static final String CALLBACK = "http://127.0.0.1:9/webhooks/heleket"; // nobody listens: webhooks are not the point here
    private static final PublicOrderId ORDER = new PublicOrderId("vpn-1-k3x9q7");
    private static final Duration HOUR = Duration.ofHours(1);

    private FakeHeleket heleket = FakeHeleket.start();
    private HeleketPaymentGateway gateway = new HeleketPaymentGateway(heleket.settings(CALLBACK));

    @AfterEach
    void stop() {
        heleket.close();
    }

    private void restart(FakeHeleket.Options options) {
        heleket.close();
        heleket = FakeHeleket.start(options);
        gateway = new HeleketPaymentGateway(heleket.settings(CALLBACK));
    }

    private static InvoiceRequest request(PublicOrderId order, String amount, String currency) {
        return new InvoiceRequest(order, Money.of(amount, currency), HOUR);
    }

    private PaymentGatewayException failure(Runnable call) {
        try {
            call.run();
        } catch (PaymentGatewayException e) {
            return e;
        }
        throw new AssertionError("expected a PaymentGatewayException");
    }

    @Test
    void an_invoice_carries_our_order_id_the_amount_as_a_string_the_lifetime_and_our_urls() {
        Invoice invoice = gateway.createInvoice(request(ORDER, "5", "USD"));

        InvoiceView stored = heleket.invoice(ORDER.value()).orElseThrow();
        assertThat(invoice.invoiceId()).isEqualTo(stored.uuid());
        assertThat(invoice.payUrl()).isEqualTo("https://pay.heleket.test/pay/" + stored.uuid()); // the fake escapes "/" like PHP
        assertThat(stored.amount()).isEqualTo("5.00");
        assertThat(stored.lifetime()).isEqualTo(3600);
        assertThat(stored.urlCallback()).isEqualTo(CALLBACK);
        assertThat(stored.urlReturn()).isEqualTo("https://t.me/vpnbot_test_bot");
        assertThat(stored.urlSuccess()).isEqualTo("https://t.me/vpnbot_test_bot");

        RecordedRequest sent = heleket.requests("/v1/payment").get(0);
        assertThat(sent.bodyText()).isEqualTo("{\"amount\":\"5.00\",\"currency\":\"USD\",\"order_id\":\"vpn-1-k3x9q7\",\"lifetime\":3600,"
                + "\"url_callback\":\"" + CALLBACK + "\",\"url_return\":\"https://t.me/vpnbot_test_bot\","
                + "\"url_success\":\"https://t.me/vpnbot_test_bot\"}");
        assertThat(sent.header("merchant")).isEqualTo(heleket.merchantId());
        assertThat(sent.header("sign")).isEqualTo(md5Hex(Base64.getEncoder().encodeToString(sent.body()) + heleket.paymentKey()));
        assertThat(sent.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void amounts_go_at_the_currency_scale() {
        gateway.createInvoice(request(ORDER, "499.9", "RUB"));
        assertThat(heleket.requests("/v1/payment").get(0).bodyText()).startsWith("{\"amount\":\"499.90\",\"currency\":\"RUB\"");
    }

    @Test
    void asking_again_for_the_same_order_returns_the_same_invoice() {
        Invoice first = gateway.createInvoice(request(ORDER, "5.00", "USD"));
        Invoice again = gateway.createInvoice(request(ORDER, "5.00", "USD"));
        assertThat(again).isEqualTo(first);
        assertThat(heleket.invoices()).hasSize(1);
    }

    @Test
    void an_existing_invoice_over_another_amount_is_refused_loudly_not_used() {
        gateway.createInvoice(request(ORDER, "5.00", "USD"));
        PaymentGatewayException e = failure(() -> gateway.createInvoice(request(ORDER, "7.00", "USD")));
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("5.00 USD").contains("7.00 USD").contains(ORDER.value());
    }

    @Test
    void an_existing_invoice_in_another_currency_is_refused_loudly_not_used() {
        gateway.createInvoice(request(ORDER, "5.00", "USD"));
        PaymentGatewayException e = failure(() -> gateway.createInvoice(request(ORDER, "5.00", "EUR")));
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("USD").contains("EUR");
    }

    @Test
    void an_existing_invoice_that_expired_is_refused_because_nobody_can_pay_it() {
        gateway.createInvoice(request(ORDER, "5.00", "USD"));
        heleket.expire(ORDER.value());
        PaymentGatewayException e = failure(() -> gateway.createInvoice(request(ORDER, "5.00", "USD")));
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("cancel");
    }

    @Test
    void when_heleket_answers_a_repeated_order_id_with_422_the_existing_invoice_is_looked_up_and_still_compared() {
        restart(FakeHeleket.Options.defaults().withRepeatedOrderIdAs422(true));
        Invoice first = gateway.createInvoice(request(ORDER, "5.00", "USD"));
        assertThat(gateway.createInvoice(request(ORDER, "5.00", "USD"))).isEqualTo(first);
        assertThat(failure(() -> gateway.createInvoice(request(ORDER, "6.00", "USD"))).isTransient()).isFalse();
        assertThat(heleket.requests("/v1/payment/info")).hasSize(2);
    }

    @Test
    void a_lifetime_heleket_does_not_allow_is_refused_before_anything_is_sent() {
        PaymentGatewayException shortOne = failure(() -> gateway.createInvoice(new InvoiceRequest(ORDER, Money.of("5", "USD"), Duration.ofSeconds(299))));
        PaymentGatewayException longOne = failure(() -> gateway.createInvoice(new InvoiceRequest(ORDER, Money.of("5", "USD"), Duration.ofHours(13))));
        assertThat(shortOne.isTransient()).isFalse();
        assertThat(longOne.getMessage()).contains("43200");
        assertThat(heleket.requests()).isEmpty();
    }

    @Test
    void payment_info_of_an_order_heleket_never_saw_is_empty() {
        assertThat(gateway.paymentInfo(ORDER)).isEmpty();
        assertThat(gateway.paymentInfoByInvoice("00000000-0000-4000-8000-000000000000")).isEmpty();
    }

    @Test
    void payment_info_follows_the_invoice_from_waiting_to_paid() {
        Invoice invoice = gateway.createInvoice(request(ORDER, "5.00", "USD"));
        PaymentInfo waiting = gateway.paymentInfo(ORDER).orElseThrow();
        assertThat(waiting.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(waiting.rawStatus()).isEqualTo("check");
        assertThat(waiting.invoiced()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(waiting.paid()).isNull();
        assertThat(waiting.invoiceId()).isEqualTo(invoice.invoiceId());

        heleket.pay(ORDER.value());
        PaymentInfo paid = gateway.paymentInfo(ORDER).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.paid()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(gateway.paymentInfoByInvoice(invoice.invoiceId())).contains(paid);
        assertThat(heleket.requests("/v1/payment/info").get(0).bodyText()).isEqualTo("{\"order_id\":\"vpn-1-k3x9q7\"}");
    }

    @Test
    void an_overpayment_in_crypto_is_paid_over_and_counted_in_the_invoice_currency() {
        restart(FakeHeleket.Options.defaults().withExchangeRate("USDT", "0.0125")); // 1 RUB = 0.0125 USDT
        gateway.createInvoice(request(ORDER, "500.00", "RUB"));
        heleket.overpay(ORDER.value(), "120.00");

        PaymentInfo info = gateway.paymentInfo(ORDER).orElseThrow();
        assertThat(info.status()).isEqualTo(PaymentStatus.PAID_OVER);
        assertThat(info.rawStatus()).isEqualTo("paid_over");
        assertThat(info.paid()).isEqualTo(Money.of("620.00", "RUB"));
        assertThat(info.invoiced()).isEqualTo(Money.of("500.00", "RUB"));
    }

    @Test
    void a_partial_payment_waits_for_a_top_up_and_becomes_wrong_amount_when_the_invoice_expires() {
        gateway.createInvoice(request(ORDER, "5.00", "USD"));
        heleket.payPartly(ORDER.value(), "3.00");
        PaymentInfo waiting = gateway.paymentInfo(ORDER).orElseThrow();
        assertThat(waiting.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(waiting.rawStatus()).isEqualTo("wrong_amount_waiting");
        assertThat(waiting.paid()).isEqualTo(Money.of("3.00", "USD"));

        heleket.advanceClock(Duration.ofHours(2));
        PaymentInfo expired = gateway.paymentInfo(ORDER).orElseThrow();
        assertThat(expired.status()).isEqualTo(PaymentStatus.WRONG_AMOUNT);
        assertThat(expired.paid()).isEqualTo(Money.of("3.00", "USD"));
    }

    @Test
    void an_unpaid_invoice_that_expires_is_failed_and_a_refunded_one_refunded() {
        gateway.createInvoice(request(ORDER, "5.00", "USD"));
        heleket.expire(ORDER.value());
        assertThat(gateway.paymentInfo(ORDER).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);

        PublicOrderId other = new PublicOrderId("vpn-2-abc");
        gateway.createInvoice(request(other, "5.00", "USD"));
        heleket.pay(other.value());
        heleket.refund(other.value());
        PaymentInfo refunded = gateway.paymentInfo(other).orElseThrow();
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.rawStatus()).isEqualTo("refund_paid");
    }

    @Test
    void server_errors_and_garbage_are_transient_faults() {
        List<Fault> faults = List.of(Fault.serverErrorHtml(), Fault.badGatewayEmpty(), Fault.truncatedJson(), Fault.htmlInsteadOfJson(),
                Fault.answer(429, "{\"state\":1,\"message\":\"Too many requests\"}"));
        for (Fault fault : faults) {
            heleket.failNext("/v1/payment", 1, fault);
            PaymentGatewayException e = failure(() -> gateway.createInvoice(request(ORDER, "5.00", "USD")));
            assertThat(e.isTransient()).as(fault.toString()).isTrue();
        }
        heleket.failNext("/v1/payment/info", 1, Fault.serverErrorHtml());
        assertThat(failure(() -> gateway.paymentInfo(ORDER)).isTransient()).isTrue();
        assertThat(heleket.invoices()).isEmpty();
    }

    @Test
    void a_hanging_heleket_is_given_up_on_after_the_timeout_as_a_transient_fault() {
        heleket.failNext("/v1/payment/info", 1, Fault.hang(Duration.ofSeconds(5)));
        long started = System.nanoTime();
        PaymentGatewayException e = failure(() -> gateway.paymentInfo(ORDER));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(e.isTransient()).isTrue();
        assertThat(took).isLessThan(Duration.ofSeconds(4)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void refusals_are_not_transient_and_carry_heleket_s_message() {
        PaymentGatewayException currency = failure(() -> gateway.createInvoice(request(ORDER, "500", "JPY")));
        assertThat(currency.isTransient()).isFalse();
        assertThat(currency.getMessage()).contains("422").contains("The currency was not found");

        heleket.failNext("/v1/payment", 1, Fault.answer(422, "{\"state\":1,\"errors\":{\"amount\":[\"validation.required\"],"
                + "\"order_id\":[\"validation.alpha_dash\",\"validation.max.string\"]}}"));
        PaymentGatewayException validation = failure(() -> gateway.createInvoice(request(new PublicOrderId("x"), "5", "USD")));
        assertThat(validation.isTransient()).isFalse();
        assertThat(validation.getMessage()).contains("amount: validation.required").contains("order_id: validation.alpha_dash, validation.max.string");
    }

    @Test
    void a_wrong_api_key_is_a_lasting_fault_and_the_key_shows_up_nowhere() {
        String wrongKey = "wrong-key-that-must-never-be-logged";
        HeleketSettings settings = new HeleketSettings(heleket.merchantId(), wrongKey, java.net.URI.create(heleket.baseUrl()), CALLBACK,
                null, List.of(), Duration.ofSeconds(2));
        HeleketPaymentGateway wrong = new HeleketPaymentGateway(settings);
        try (CapturedLogs logs = new CapturedLogs()) {
            PaymentGatewayException e = failure(() -> wrong.createInvoice(request(ORDER, "5.00", "USD")));
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("401").contains("Invalid Sign.").doesNotContain(wrongKey);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(wrongKey));
        }
        assertThat(settings.toString()).doesNotContain(wrongKey).contains("apiKey=***");
        assertThat(heleket.requests().get(0).headers().toString()).doesNotContain(wrongKey);
    }

    private static String md5Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
