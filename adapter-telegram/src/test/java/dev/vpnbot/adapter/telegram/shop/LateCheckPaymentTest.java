package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "If you still pay it, you will get the key": a cancelled order keeps its Check payment button, and it works. */
class LateCheckPaymentTest {
    private BotRig rig;

    @BeforeEach
    void open() {
        rig = BotRig.started();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void a_cancelled_order_paid_afterwards_is_found_by_its_check_payment_button() {
        BotRig.TgUser ivan = rig.user(1201, "Ivan", "en");
        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1");
        long orderId = Long.parseLong(summary.data("oc:").substring(3));

        Call cancelled = ivan.press(summary, "ox:");
        assertThat(cancelled.text()).contains("cancelled");
        assertThat(cancelled.data("oc:")).as("Check payment stays").isEqualTo("oc:" + orderId);

        Order order = rig.shop.orders.find(new OrderId(orderId)).orElseThrow();
        rig.gateway.payInFull(order.publicId()); // the buyer paid anyway; the webhook never came
        Call checked = ivan.press(cancelled, "oc:");

        assertThat(rig.shop.orders.find(new OrderId(orderId)).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(checked.text()).contains(order.publicId().value());
    }
}
