package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Telegram Stars through the real adapter against the fake Bot API: the Stars price on the order,
 * the invoice (XTR, empty provider token, the public order id as payload), the pre-checkout answer,
 * successful_payment applied once, the admin's refund from the user card (refundStarPayment) and
 * Telegram's refunded_payment, /paysupport.
 */
class StarsJourneyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private Order placeAndOpen(BotRig.TgUser ivan) {
        Call menu = ivan.send("/start");
        Call summary = ivan.press(ivan.press(ivan.press(menu, "b"), "bt:1"), "bs:1:1");
        Order order = rig.shop.orders.find(new OrderId(Long.parseLong(summary.data("oc:").substring(3)))).orElseThrow();
        lastSummary = summary;
        return order;
    }

    private Call lastSummary;

    @Test
    void the_buyer_sees_the_stars_price_gets_an_xtr_invoice_and_is_answered_and_paid_once() {
        rig = BotRig.startedWithStars(b -> b);
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Order order = placeAndOpen(ivan);
        assertThat(lastSummary.text()).contains("⭐ 250").contains("/paysupport");
        assertThat(lastSummary.buttons()).anyMatch(b -> b.url() != null); // crypto is configured too

        int mark = rig.api.mark();
        rig.api.userPresses(1001, "Ivan", "en", lastSummary.messageId(), lastSummary.data("oz:"));
        Call invoice = rig.api.awaitAfter(mark, WAIT, c -> c.method().equals("sendinvoice"));
        assertThat(invoice.params()).containsEntry("currency", "XTR").containsEntry("provider_token", "")
                .containsEntry("payload", order.publicId().value()).containsEntry("chat_id", "1001");
        assertThat(invoice.params().get("prices")).contains("\"amount\":250");

        mark = rig.api.mark();
        String wrong = rig.api.userPreCheckout(1001, "en", order.publicId().value(), "XTR", 249);
        Call declined = rig.api.awaitAfter(mark, WAIT, c -> c.method().equals("answerprecheckoutquery")
                && wrong.equals(c.params().get("pre_checkout_query_id")));
        assertThat(declined.params()).containsEntry("ok", "false")
                .containsEntry("error_message", Texts.of(Language.EN).label("stars.decline.WRONG_AMOUNT"));
        String right = rig.api.userPreCheckout(1001, "en", order.publicId().value(), "XTR", 250);
        assertThat(rig.api.awaitAfter(mark, WAIT, c -> c.method().equals("answerprecheckoutquery")
                && right.equals(c.params().get("pre_checkout_query_id"))).params()).containsEntry("ok", "true").doesNotContainKey("error_message");

        mark = rig.api.mark();
        rig.api.userPaid(1001, order.publicId().value(), "XTR", 250, "stxCHARGE1");
        Call paid = rig.api.awaitContent(mark, 1001);
        assertThat(paid.text()).contains(order.publicId().value());
        AtomicInteger handled = countHandled();
        rig.api.userPaid(1001, order.publicId().value(), "XTR", 250, "stxCHARGE1"); // Telegram delivers it again
        Await.until("the repeated payment handled", WAIT, () -> handled.get() >= 1);
        rig.deliverDueKeys();
        Order done = rig.shop.orders.find(order.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(done.paidVia()).isEqualTo(PaymentMethod.STARS);
        assertThat(rig.keys.ofOwner(new UserId(1001))).hasSize(1);
        assertThat(rig.shop.starPayments.ofPayer(new UserId(1001), 10)).hasSize(1);
    }

    @Test
    void an_admin_refunds_from_the_user_card_and_telegrams_report_of_it_changes_nothing_more() {
        rig = BotRig.startedWithStars(b -> b);
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Order order = placeAndOpen(ivan);
        rig.api.userPaid(1001, order.publicId().value(), "XTR", 250, "stxCHARGE1");
        Await.until("the order paid", WAIT, () -> rig.shop.orders.find(order.id()).orElseThrow().status() == OrderStatus.PAID);
        rig.deliverDueKeys();
        VpnKey key = rig.keys.ofOwner(new UserId(1001)).get(0);

        BotRig.TgUser admin = rig.user(BotRig.ADMIN, "Admin", "en");
        Call card = admin.send("/user 1001");
        assertThat(card.text()).contains("⭐ 250").contains(order.publicId().value());
        Call ask = admin.press(card, "aur:1001:");
        assertThat(ask.text()).contains("stxCHARGE1");
        int mark = rig.api.mark();
        admin.press(ask, "auy:1001:");
        Call refund = rig.api.awaitAfter(mark, WAIT, c -> c.method().equals("refundstarpayment"));
        assertThat(refund.params()).containsEntry("user_id", "1001").containsEntry("telegram_payment_charge_id", "stxCHARGE1");
        Call told = rig.api.awaitAfter(mark, WAIT, c -> c.ok() && c.isContent() && c.chatId() == 1001);
        assertThat(told.text()).contains("refunded");

        VpnKey after = rig.keys.find(key.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(KeyStatus.DISABLED);
        assertThat(rig.panel.client(key.serverId(), key.client().email()).orElseThrow().enabled()).isFalse();

        AtomicInteger handled = countHandled();
        rig.api.telegramRefunded(1001, order.publicId().value(), 250, "stxCHARGE1");
        Await.until("Telegram's refund report handled", WAIT, () -> handled.get() >= 1);
        rig.awaitIdle();
        assertThat(rig.keys.find(key.id()).orElseThrow()).isEqualTo(after);
        List<Call> refundNews = rig.api.calls("sendmessage").stream().filter(c -> c.chatId() == 1001 && c.text().contains("refunded")).toList();
        assertThat(refundNews).hasSize(1);
    }

    @Test
    void without_the_crypto_gateway_only_stars_are_offered_and_paysupport_answers() {
        rig = BotRig.startedWithStars(b -> b.cryptoPayments(false));
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "ru");
        placeAndOpen(ivan);
        assertThat(lastSummary.buttons()).noneMatch(b -> b.url() != null);
        assertThat(lastSummary.buttons()).anyMatch(b -> b.callbackData() != null && b.callbackData().startsWith("oz:"));
        Call help = ivan.send("/paysupport");
        assertThat(help.text()).contains(Texts.of(Language.RU).html("paysupport.text").substring(0, 20));
    }

    @Test
    void a_forged_successful_payment_on_the_webhook_without_the_secret_is_refused_and_pays_nothing() {
        String secret = "s3cret_webhook-token";
        rig = BotRig.startedWithStars(b -> b.webhook(secret));
        assertThat(rig.api.calls("setWebhook").get(0).params().get("allowed_updates")).contains("pre_checkout_query");
        Order order = rig.shop.placement.placeNewKey(new dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand(
                registered(1001), new dev.vpnbot.domain.tariff.TariffId(1), new dev.vpnbot.domain.server.ServerId(1)));
        String forged = """
                {"update_id": 91, "message": {"message_id": 9, "date": 1767225600,
                  "from": {"id": 1001, "is_bot": false, "first_name": "Ivan"}, "chat": {"id": 1001, "type": "private"},
                  "successful_payment": {"currency": "XTR", "total_amount": 250, "invoice_payload": "%s",
                    "telegram_payment_charge_id": "forged-1", "provider_payment_charge_id": ""}}}
                """.formatted(order.publicId().value());
        var endpoint = rig.bot.webhookEndpoint();
        var from = java.util.Optional.of(java.net.InetAddress.getLoopbackAddress());
        byte[] body = forged.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(endpoint.receive(java.util.Optional.empty(), body, from)).isEqualTo(401);
        assertThat(endpoint.receive(java.util.Optional.of("guess"), body, from)).isEqualTo(403);
        assertThat(rig.shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(rig.shop.starPayments.ofPayer(new UserId(1001), 10)).isEmpty();
    }

    private UserId registered(long id) {
        rig.shop.registration.register(new dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand(
                new UserId(id), "Ivan", null, "en"));
        return new UserId(id);
    }

    /** Counts the updates handled from now on. */
    private AtomicInteger countHandled() {
        AtomicInteger handled = new AtomicInteger();
        rig.bot.observeUpdates(ok -> handled.incrementAndGet());
        return handled;
    }
}
