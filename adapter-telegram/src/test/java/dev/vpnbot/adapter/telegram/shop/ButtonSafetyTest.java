package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every button is checked: users act on their own keys and orders only; tampered or unknown
 * data is refused politely; a button on an old message does something sensible.
 */
class ButtonSafetyTest {
    private BotRig rig;
    private BotRig.TgUser owner;
    private BotRig.TgUser intruder;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        owner = rig.user(2001, "Olga", "en");
        intruder = rig.user(2002, "Mallory", "en");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Call summaryOfNewOrder(BotRig.TgUser user) {
        Call menu = user.send("/start");
        return user.press(user.press(user.press(menu, "b"), "bt:1"), "bs:1:1");
    }

    private static long orderIdOn(Call summary) {
        return Long.parseLong(summary.data("oc:").substring(3));
    }

    @Test
    void another_users_key_is_not_found_and_nothing_of_it_is_shown() {
        long orderId = orderIdOn(summaryOfNewOrder(owner));
        rig.payAndDeliver(orderId);
        VpnKey key = rig.keys.ofOwner(new UserId(2001)).get(0);
        Call menu = intruder.send("/start");

        for (String data : List.of("ki:" + key.id(), "ks:" + key.id(), "ke:" + key.id(), "et:" + key.id() + ":1",
                "hk:" + key.id(), "hq:ios:" + key.id())) {
            Call answer = intruder.pressForAnswer(menu.messageId(), data);
            assertThat(answer.params().get("text")).as(data).isEqualTo("Key not found.");
            Call screen = rig.api.awaitContent(answer.seq(), 2002);
            assertThat(screen.text()).as(data).contains("Key not found.")
                    .doesNotContain(key.links().subscriptionUrl()).doesNotContain("Frankfurt");
        }
        assertThat(rig.shop.orders.ofUser(new UserId(2002), 10)).as("no renewal placed for a foreign key").isEmpty();
        assertThat(rig.api.calls("sendphoto")).allMatch(c -> c.chatId() == 2001);
    }

    @Test
    void another_users_order_can_be_neither_checked_nor_cancelled() {
        long orderId = orderIdOn(summaryOfNewOrder(owner));
        Call menu = intruder.send("/start");

        Call check = intruder.pressForAnswer(menu.messageId(), "oc:" + orderId);
        Call cancel = intruder.pressForAnswer(menu.messageId(), "ox:" + orderId);

        assertThat(check.params().get("text")).isEqualTo("Order not found.");
        assertThat(cancel.params().get("text")).isEqualTo("Order not found.");
        assertThat(rig.shop.orders.find(new OrderId(orderId)).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void unknown_or_malformed_button_data_is_refused_politely() {
        Call menu = intruder.send("/start");

        for (String data : List.of("zz:1", "ki:abc", "ki:-5", "ki:0", "bs:1", "bs:1:2:3", "hp:symbian", "ls:de", "", "ki:1' or 1=1")) {
            Call answer = intruder.pressForAnswer(menu.messageId(), data);
            assertThat(answer.params().get("text")).as("'" + data + "'").isEqualTo("This button no longer works. Open the menu: /start");
            assertThat(answer.params().get("show_alert")).isEqualTo("true");
        }
        assertThat(rig.shop.orders.ofUser(new UserId(2002), 10)).isEmpty();
    }

    @Test
    void pressing_the_same_server_twice_shows_the_same_order_instead_of_placing_another() {
        Call summary = summaryOfNewOrder(owner);
        Call servers = rig.api.calls("editmessagetext").stream().filter(c -> c.text().contains("Choose a server")).reduce((a, b) -> b).orElseThrow();

        Call again = owner.press(servers, "bs:1:1");

        assertThat(orderIdOn(again)).isEqualTo(orderIdOn(summary));
        assertThat(rig.shop.orders.ofUser(new UserId(2001), 10)).hasSize(1);
    }

    @Test
    void check_payment_on_an_old_summary_after_delivery_says_the_order_is_done() {
        Call summary = summaryOfNewOrder(owner);
        rig.payAndDeliver(orderIdOn(summary));

        Call later = owner.press(summary, "oc:");

        assertThat(later.text()).contains("is paid and done");
        assertThat(later.buttons()).anyMatch(b -> "k".equals(b.callbackData()));
    }

    @Test
    void cancel_ends_the_order_and_a_cancel_pressed_again_changes_nothing() {
        Call summary = summaryOfNewOrder(owner);
        long orderId = orderIdOn(summary);

        Call cancelled = owner.press(summary, "ox:");
        assertThat(cancelled.text()).contains("is cancelled");
        assertThat(rig.states.find(2001)).as("the paying step is over").isEmpty();

        Call again = owner.pressData(summary.messageId(), "ox:" + orderId);
        assertThat(again.text()).contains("is cancelled");
        assertThat(rig.shop.orders.find(new OrderId(orderId)).map(Order::status)).contains(OrderStatus.CANCELLED);
    }

    @Test
    void an_old_tariff_button_for_a_tariff_no_longer_sold_shows_the_current_tariffs() {
        Call menu = owner.send("/start");
        Call tariffs = owner.press(menu, "b");
        rig.shop.tariffs.save(rig.shop.tariffs.find(new dev.vpnbot.domain.tariff.TariffId(1)).orElseThrow().withActive(false));

        Call shown = owner.press(tariffs, "bt:1");

        assertThat(shown.buttons()).extracting(b -> b.callbackData()).contains("bt:2").doesNotContain("bt:1");
    }

    @Test
    void a_button_on_a_message_that_can_no_longer_be_edited_comes_as_a_new_message() {
        Call menu = owner.send("/start");
        rig.api.failNext("editMessageText", 400, "Bad Request: message can't be edited", null);

        Call shown = owner.press(menu, "k");

        assertThat(shown.method()).isEqualTo("sendmessage");
        assertThat(shown.text()).contains("You have no keys yet.");
    }

    @Test
    void text_typed_while_paying_brings_the_order_back_and_the_menu_ends_the_flow() {
        long orderId = orderIdOn(summaryOfNewOrder(owner));

        Call resumed = owner.send("where is my key?");
        assertThat(resumed.method()).isEqualTo("sendmessage");
        assertThat(orderIdOn(resumed)).isEqualTo(orderId);

        Call menu = owner.press(resumed, "m");
        assertThat(menu.text()).contains("Hi, <b>Olga</b>");
        assertThat(rig.states.find(2001)).isEmpty();
        assertThat(owner.send("hello").text()).contains("I understand buttons");
    }

    @Test
    void every_button_the_bot_sends_fits_telegrams_64_bytes() {
        summaryOfNewOrder(owner);
        assertThat(rig.api.calls()).flatExtracting(Call::buttons).isNotEmpty()
                .allSatisfy(b -> {
                    if (b.callbackData() != null) {
                        assertThat(b.callbackData().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
                        assertThat(CallbackData.parse(b.callbackData())).as(b.callbackData()).isPresent();
                    }
                });
    }
}
