package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.heleket.fake.Fault;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.heleket.fake.WebhookDelivery;
import dev.vpnbot.adapter.heleket.fake.WebhookReceiver;
import dev.vpnbot.adapter.heleket.fake.WebhookTwist;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.InMemoryPaymentEvents;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase.CheckPaymentCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole payment path over HTTP: the real core (TestShop) places orders through our
 * gateway at the fake Heleket, which delivers webhooks to our endpoint on a JDK HTTP server;
 * the core asks the fake back with payment/info before it believes anything.
 */
class PaymentThroughHeleketTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId BUYER = new UserId(1001);

    private final MutableClock clock = new MutableClock(START);
    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final ExecutorService webhookThreads = Executors.newFixedThreadPool(2);
    private HttpServer webhookServer;
    private FakeHeleket heleket;
    private HeleketSettings settings;
    private HeleketPaymentGateway gateway;
    private TestShop shop;
    private Tariff oneMonth;
    private Server server;

    private void open(FakeHeleket.Options options) throws IOException {
        webhookServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        heleket = FakeHeleket.start(options);
        settings = heleket.settings("http://127.0.0.1:" + webhookServer.getAddress().getPort() + HeleketWebhook.PATH);
        gateway = new HeleketPaymentGateway(settings);
        shop = TestShop.inMemory(clock).panel(panel).gateway(gateway).notifier(notifier).build();
        HeleketWebhook webhook = new HeleketWebhook(settings, shop.confirmation);
        webhookServer.createContext(HeleketWebhook.PATH, exchange -> WebhookReceiver.deliver(webhook, exchange));
        webhookServer.setExecutor(webhookThreads);
        webhookServer.start();
        oneMonth = TariffMother.oneMonth(1); // 5.00 USD
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Frankfurt");
        shop.servers.save(server);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
    }

    private void open() throws IOException {
        open(FakeHeleket.Options.defaults());
    }

    @AfterEach
    void close() {
        if (webhookServer != null) webhookServer.stop(0);
        if (heleket != null) heleket.close();
        webhookThreads.shutdownNow();
    }

    private Order buy() {
        return shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
    }

    private Order now(Order order) {
        return shop.orders.find(order.id()).orElseThrow();
    }

    private static List<String> answers(List<WebhookDelivery> deliveries) {
        return deliveries.stream().map(d -> d.status() + " " + d.responseCode() + " " + d.responseBody()).toList();
    }

    @Test
    void a_paid_invoice_delivers_one_key_through_the_webhook() throws IOException {
        open();
        Order order = buy();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.invoice().invoiceId()).isEqualTo(heleket.invoice(order.publicId().value()).orElseThrow().uuid());

        heleket.pay(order.publicId().value());
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 200 PAID");
        assertThat(heleket.requests("/v1/payment/info")).as("the core asked Heleket before believing").hasSize(1);
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);

        assertThat(now(order).status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(shop.keys.ofOwner(BUYER)).singleElement().satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void a_duplicate_delivery_and_harmless_variations_of_the_same_webhook_change_nothing() throws IOException {
        open();
        Order order = buy();
        heleket.pay(order.publicId().value());
        heleket.awaitWebhooks();
        shop.worker.runDueJobs();

        heleket.resendWebhook(order.publicId().value());
        heleket.resendWebhook(order.publicId().value(), WebhookTwist.SIGN_UPPER_CASE);
        heleket.resendWebhook(order.publicId().value(), WebhookTwist.REORDERED_AND_SIGNED);
        heleket.resendWebhook(order.publicId().value(), WebhookTwist.SLASHES_UNESCAPED);
        heleket.resendWebhook(order.publicId().value(), WebhookTwist.UNICODE_ESCAPED);
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 200 PAID", "paid 200 ALREADY_APPLIED",
                "paid 200 ALREADY_APPLIED", "paid 200 ALREADY_APPLIED", "paid 200 ALREADY_APPLIED", "paid 200 ALREADY_APPLIED");
        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(shop.keys.ofOwner(BUYER)).hasSize(1);
        assertThat(panel.writes()).isEqualTo(1);
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void rule_a_correctly_signed_paid_notification_for_an_unpaid_invoice_never_delivers_a_key() throws IOException {
        open();
        Order order = buy();
        // Heleket's test-webhook endpoint signs a "paid" for a real, unpaid invoice; a replay looks the same.
        heleket.sendTestWebhook(order.publicId().value(), "paid");
        heleket.sendTestWebhook(order.publicId().value(), "paid_over");
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 200 NOT_CONFIRMED", "paid_over 200 NOT_CONFIRMED");

        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(now(order).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(shop.keys.ofOwner(BUYER)).isEmpty();
        assertThat(panel.writes()).isZero();

        // The real payment afterwards still goes through.
        heleket.pay(order.publicId().value());
        assertThat(answers(heleket.awaitWebhooks())).last().isEqualTo("paid 200 PAID");
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
    }

    @Test
    void forged_tampered_or_unsigned_webhooks_are_refused_every_time_and_change_nothing() throws IOException {
        open();
        Order order = buy();
        heleket.setStatus(order.publicId().value(), "confirm_check", false); // a genuine, pending webhook to spoil
        heleket.awaitWebhooks();
        for (WebhookTwist twist : List.of(WebhookTwist.WRONG_KEY, WebhookTwist.TAMPERED_STATUS, WebhookTwist.TAMPERED_AMOUNT,
                WebhookTwist.SIGN_MISSING, WebhookTwist.KEYS_SHUFFLED_AFTER_SIGNING)) {
            heleket.resendWebhook(order.publicId().value(), twist);
        }
        List<WebhookDelivery> refused = heleket.awaitWebhooks().subList(1, 16);
        assertThat(refused).as("each spoiled webhook, retried three times").hasSize(15)
                .allSatisfy(d -> assertThat(d.responseCode()).isEqualTo(401));

        assertThat(heleket.requests("/v1/payment/info")).as("nothing refused reaches the core").isEmpty();
        assertThat(now(order).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(((InMemoryPaymentEvents) shop.events).all()).as("only the genuine delivery is on record")
                .singleElement().satisfies(e -> assertThat(e.rawStatus()).isEqualTo("confirm_check"));
        assertThat(shop.worker.runDueJobs()).isZero();
    }

    @Test
    void confirm_check_first_then_paid_delivers_once() throws IOException {
        open(FakeHeleket.Options.defaults().withConfirmCheckFirst(true));
        Order order = buy();
        heleket.pay(order.publicId().value());
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("confirm_check 200 PENDING", "paid 200 PAID");
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
    }

    @Test
    void webhooks_with_escaped_unicode_and_slashes_in_additional_data_verify() throws IOException {
        open(FakeHeleket.Options.defaults().withUnicodeEscapedWebhooks(true));
        Order order = buy();
        heleket.annotate(order.publicId().value(), "Заказ №1 — https://t.me/vpnbot_test_bot?start=1 😀 </script>");
        heleket.pay(order.publicId().value());
        WebhookDelivery delivery = heleket.awaitWebhooks().get(0);
        assertThat(delivery.bodyText()).contains("\\u0417\\u0430\\u043a\\u0430\\u0437").contains("https:\\/\\/t.me").contains("\\ud83d\\ude00");
        assertThat(delivery.responseCode()).isEqualTo(200);
        assertThat(delivery.responseBody()).isEqualTo("PAID");
    }

    @Test
    void an_underpayment_is_flagged_when_the_invoice_ends_and_delivers_nothing() throws IOException {
        open();
        Order order = buy();
        heleket.payPartly(order.publicId().value(), "3.00");
        assertThat(heleket.awaitWebhooks()).as("no webhook while a top-up is possible").isEmpty();

        heleket.advanceClock(Duration.ofHours(2));
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("wrong_amount 200 PAYMENT_TOO_LOW");

        Order flagged = now(order);
        assertThat(flagged.status()).isEqualTo(OrderStatus.UNDERPAID);
        assertThat(flagged.amountPaid()).isEqualTo(Money.of("3.00", "USD"));
        assertThat(notifier.sentOfKind("paymentTooLow")).hasSize(1);
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).contains(AdminAlert.Kind.PAYMENT_TOO_LOW);
        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(shop.keys.ofOwner(BUYER)).isEmpty();
    }

    @Test
    void an_invoice_whose_amount_does_not_cover_the_order_never_makes_it_paid() throws IOException {
        open();
        Order order = buy();
        heleket.alter(order.publicId().value(), "1.00", "USD"); // Heleket's invoice says 1.00, the order costs 5.00
        heleket.pay(order.publicId().value());
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 200 PAYMENT_TOO_LOW");

        assertThat(now(order).status()).isEqualTo(OrderStatus.UNDERPAID);
        assertThat(now(order).amountPaid()).isEqualTo(Money.of("1.00", "USD"));
        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(shop.keys.ofOwner(BUYER)).isEmpty();
    }

    @Test
    void an_invoice_in_another_currency_never_makes_the_order_paid() throws IOException {
        open();
        Order order = buy();
        heleket.alter(order.publicId().value(), "5.00", "EUR");
        heleket.pay(order.publicId().value());
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 200 PAYMENT_TOO_LOW");
        assertThat(now(order).status()).isEqualTo(OrderStatus.UNDERPAID);
        assertThat(shop.worker.runDueJobs()).isZero();
    }

    @Test
    void an_overpayment_is_a_sale_with_the_surplus_on_record() throws IOException {
        open();
        Order order = buy();
        heleket.overpay(order.publicId().value(), "1.50");
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid_over 200 PAID");
        assertThat(now(order).amountPaid()).isEqualTo(Money.of("6.50", "USD"));
        assertThat(now(order).overpayment()).contains(Money.of("1.50", "USD"));
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
    }

    @Test
    void a_payment_for_an_order_we_do_not_have_is_acknowledged_and_admins_are_told() throws IOException {
        open();
        PublicOrderId stranger = new PublicOrderId("vpn-999-zzzzzz");
        gateway.createInvoice(new InvoiceRequest(stranger, Money.of("5.00", "USD"), Duration.ofHours(1)));
        heleket.pay(stranger.value());
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 200 UNKNOWN_ORDER");
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.UNKNOWN_ORDER_PAID);
    }

    @Test
    void when_heleket_cannot_be_asked_back_the_webhook_gets_503_and_its_retry_applies_the_payment() throws IOException {
        open();
        Order order = buy();
        heleket.failNext("/v1/payment/info", 1, Fault.serverErrorHtml());
        heleket.pay(order.publicId().value());
        assertThat(answers(heleket.awaitWebhooks())).containsExactly("paid 503 retry later", "paid 200 PAID");
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
        assertThat(shop.keys.ofOwner(BUYER)).hasSize(1);
    }

    @Test
    void an_expired_invoice_and_a_later_refund_are_acknowledged_without_taking_anything_back() throws IOException {
        open();
        Order unpaid = buy();
        heleket.expire(unpaid.publicId().value());
        Order paid = buy();
        heleket.pay(paid.publicId().value());
        heleket.awaitWebhooks();
        shop.worker.runDueJobs();
        heleket.refund(paid.publicId().value());

        assertThat(answers(heleket.awaitWebhooks())).containsExactly("cancel 200 NOT_PAID", "paid 200 PAID",
                "refund_process 200 ALREADY_APPLIED", "refund_paid 200 ALREADY_APPLIED");
        assertThat(now(unpaid).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(now(paid).status()).isEqualTo(OrderStatus.FULFILLED);
    }

    @Test
    void the_check_payment_button_finds_a_payment_whose_webhook_never_arrived() throws IOException {
        open();
        webhookServer.stop(0); // our endpoint is down: every delivery fails
        Order order = buy();
        heleket.pay(order.publicId().value());
        assertThat(heleket.awaitWebhooks()).hasSize(3).allSatisfy(d -> assertThat(d.responseCode()).isEqualTo(-1));

        Order checked = shop.paymentCheck.check(new CheckPaymentCommand(BUYER, order.id()));
        assertThat(checked.status()).isEqualTo(OrderStatus.PAID);
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
    }
}
