package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.TelegramBot;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The "Pay (test)" button: with payment test mode on, the order summary offers it and it pays
 * through the same path as a verified webhook; with test mode off it does not exist and its data
 * is refused.
 */
class PayInTestModeTest {
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private static Call summary(BotRig.TgUser user) {
        return user.press(user.press(user.press(user.send("/start"), "b"), "bt:1"), "bs:1:1");
    }

    private static long orderId(Call summary) {
        return Long.parseLong(summary.data("oc:").substring(3));
    }

    @Test
    void with_test_mode_on_pay_test_pays_the_order_and_the_key_is_delivered() {
        rig = BotRig.started(b -> b.paymentTestMode(true));
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = summary(ivan);
        long orderId = orderId(summary);
        assertThat(summary.text()).contains("Test mode");
        Button payTest = summary.button("Pay (test");
        assertThat(payTest.callbackData()).isEqualTo("op:" + orderId);

        Call paid = ivan.press(summary, "op:");

        assertThat(paid.text()).contains("received");
        assertThat(rig.shop.orders.find(new OrderId(orderId)).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        rig.deliverDueKeys();
        assertThat(rig.keys.ofOwner(new UserId(1001))).singleElement().satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));

        Call again = ivan.press(summary, "op:");
        assertThat(again.text()).as("a second tap pays nothing twice").contains("is paid and done");
        assertThat(rig.keys.ofOwner(new UserId(1001))).hasSize(1);
    }

    @Test
    void with_test_mode_on_nobody_pays_for_test_an_order_of_somebody_else() {
        rig = BotRig.started(b -> b.paymentTestMode(true));
        long orderId = orderId(summary(rig.user(1001, "Ivan", "en")));
        Call menu = rig.user(1002, "Mallory", "en").send("/start");

        Call refused = rig.user(1002, "Mallory", "en").pressForAnswer(menu.messageId(), "op:" + orderId);

        assertThat(refused.params().get("text")).isEqualTo("Order not found.");
        assertThat(rig.shop.orders.find(new OrderId(orderId)).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void with_test_mode_off_there_is_no_pay_test_button_and_its_data_is_refused() {
        rig = BotRig.started();
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = summary(ivan);
        long orderId = orderId(summary);
        assertThat(summary.text()).doesNotContain("Test mode");
        assertThat(summary.buttons()).extracting(Button::callbackData).noneMatch(d -> d != null && d.startsWith("op:"));

        Call refused = ivan.pressForAnswer(summary.messageId(), "op:" + orderId);

        assertThat(refused.params().get("text")).isEqualTo("This button no longer works. Open the menu: /start");
        assertThat(rig.shop.orders.find(new OrderId(orderId)).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void test_mode_without_the_test_payment_use_case_does_not_start() {
        rig = BotRig.started();
        TelegramSettings testMode = TelegramSettings.builder(rig.settings.botToken()).apiBaseUrl(rig.api.baseUrl())
                .paymentTestMode(true).build();
        TelegramUseCases withoutTestPayments = new TelegramUseCases(rig.shop.registration, new dev.vpnbot.application.service.account.UserLookup(rig.users),
                rig.shop.languageChange, rig.shop.catalogue, rig.shop.catalogue, rig.shop.placement, rig.shop.paymentCheck,
                rig.shop.cancellation, rig.shop.myKeys, rig.shop.timeZoneChange);

        assertThatThrownBy(() -> new TelegramBot(testMode, rig.sender, withoutTestPayments, rig.admin, rig.states))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PayInTestModeUseCase");
    }
}
