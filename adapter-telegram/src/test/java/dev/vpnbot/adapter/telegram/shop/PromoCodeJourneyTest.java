package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.in.codes.PromoSpec;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.codes.PromoAdministration;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Promo codes through the real adapter against the fake Bot API: the admin creates a code in the
 * admin panel, a buyer types it at checkout ("I have a code") or brings it by a start link; a code
 * that cannot be used says why in the buyer's language and the order stays as it was.
 */
class PromoCodeJourneyTest {
    private BotRig rig;
    private PromoAdministration codes;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        codes = new PromoAdministration(new Admins(Set.of(new UserId(BotRig.ADMIN))), rig.promoCodes, rig.shop.tariffs,
                rig.shop.transactions, rig.clock);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Call summaryOfNewOrder(BotRig.TgUser buyer) {
        Call menu = buyer.send("/start");
        Call tariffs = buyer.press(menu, "b");
        Call servers = buyer.press(tariffs, "bt:1");
        return buyer.press(servers, "bs:1:1");
    }

    @Test
    void the_admin_creates_a_code_in_the_panel_and_a_buyer_types_it_at_checkout_for_the_discounted_price() {
        BotRig.TgUser admin = rig.user(BotRig.ADMIN, "Admin", "en");
        Call home = admin.send("/admin");
        Call list = admin.press(home, "ac");
        Call ask = admin.press(list, "acn");
        assertThat(ask.text()).contains("percent=N");
        Call card = admin.send("SUMMER percent=20 uses=10");
        assertThat(card.text()).contains("SUMMER").contains("20% off").contains("Uses: 10");

        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = summaryOfNewOrder(ivan);
        assertThat(summary.text()).contains("5.00 USD");
        long first = Long.parseLong(summary.data("oc:").substring(3));
        Call typeIt = ivan.press(summary, "cp:");
        assertThat(typeIt.text()).contains("Type your promo code");

        Call discounted = ivan.send("summer");

        assertThat(discounted.text()).contains("4.00 USD").contains("Promo code SUMMER: −1.00 USD (was 5.00 USD)");
        assertThat(discounted.buttons()).noneMatch(b -> b.callbackData() != null && b.callbackData().startsWith("cp:"));
        long second = Long.parseLong(discounted.data("oc:").substring(3));
        Order placed = rig.shop.orders.find(new OrderId(second)).orElseThrow();
        assertThat(placed.invoice()).isNotNull();
        assertThat(rig.gateway.invoiceOf(placed.publicId())).isEqualTo(placed.invoice());
        assertThat(rig.shop.orders.find(new OrderId(first)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);

        Call after = admin.send("/admin");
        Call figures = admin.press(admin.press(after, "ac"), "acv:");
        assertThat(figures.text()).contains("uses 1").contains("#" + second);
        Call disabled = admin.press(figures, "acd:");
        assertThat(disabled.text()).contains("disabled");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | OLD      | This promo code has expired.
            ru | OLD      | Срок действия промокода истёк.
            en | OFF      | This promo code is no longer valid.
            ru | OFF      | Этот промокод больше не действует.
            en | LONGONLY | This promo code is not valid for this tariff.
            ru | LONGONLY | Этот промокод не действует для выбранного тарифа.
            en | ONCE     | This promo code has been used up.
            ru | ONCE     | Этот промокод уже израсходован.
            en | NOPE     | There is no such promo code.
            ru | NOPE     | Такого промокода нет.
            """)
    void a_code_that_cannot_be_used_says_why_in_the_buyers_language_and_the_order_is_unchanged(String lang, String code, String message) {
        UserId admin = new UserId(BotRig.ADMIN);
        codes.create(admin, PromoSpec.parse("OLD percent=10 expires=2026-02-01"));
        codes.create(admin, PromoSpec.parse("OFF percent=10"));
        codes.disable(admin, "OFF");
        codes.create(admin, PromoSpec.parse("LONGONLY percent=10 tariffs=2"));
        codes.create(admin, PromoSpec.parse("ONCE percent=10 uses=1"));
        BotRig.TgUser olga = rig.user(1002, "Olga", "en");
        olga.press(summaryOfNewOrder(olga), "cp:");
        olga.send("ONCE");

        BotRig.TgUser ivan = rig.user(1001, "Ivan", lang);
        Call summary = summaryOfNewOrder(ivan);
        long orderId = Long.parseLong(summary.data("oc:").substring(3));
        Order before = rig.shop.orders.find(new OrderId(orderId)).orElseThrow();
        ivan.press(summary, "cp:");

        Call refused = ivan.send(code.toLowerCase());

        assertThat(refused.text()).contains(message);
        assertThat(refused.data("oc:")).isEqualTo("oc:" + orderId);
        assertThat(rig.shop.orders.find(new OrderId(orderId))).contains(before);
        assertThat(rig.shop.orders.ofUser(new UserId(1001), 10)).containsExactly(before);
    }

    @Test
    void a_start_link_keeps_the_code_for_the_next_order_and_garbage_or_too_long_payloads_get_the_normal_start() {
        codes.create(new UserId(BotRig.ADMIN), PromoSpec.parse("LINK percent=50"));
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");

        Call saved = ivan.send("/start promo_link");
        assertThat(saved.text()).contains("Promo code <b>LINK</b> is saved: 50% off");
        Call tariffs = ivan.press(saved, "b");
        Call summary = ivan.press(ivan.press(tariffs, "bt:1"), "bs:1:1");
        assertThat(summary.text()).contains("2.50 USD").contains("Promo code LINK");

        for (String payload : new String[] {"promo_<script>", "promo_" + "x".repeat(60), "gibberish$$$", "x".repeat(5000), "promo_"}) {
            Call menu = ivan.send("/start " + payload);
            assertThat(menu.text()).as(payload).contains("Hi").contains("Ivan");
        }
        Call unknown = ivan.send("/start promo_NOSUCH");
        assertThat(unknown.text()).contains("There is no such promo code").contains("Ivan");
    }
}
