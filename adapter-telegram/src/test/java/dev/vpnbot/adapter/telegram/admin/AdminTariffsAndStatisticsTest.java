package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The price list and the statistics screen, run by an admin from Telegram while buyers buy. */
class AdminTariffsAndStatisticsTest {
    private BotRig rig;
    private BotRig.TgUser olga;
    private BotRig.TgUser ivan;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
        ivan = rig.user(1001, "Ivan", "en");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Call orderSummary(long tariffId) {
        return ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:" + tariffId), "bs:" + tariffId + ":1");
    }

    private static long orderId(Call summary) {
        return Long.parseLong(summary.data("oc:").substring(3));
    }

    @Test
    void a_new_price_reaches_the_next_order_and_a_placed_order_keeps_its_price() {
        long placedBefore = orderId(orderSummary(1));

        Call tariffs = olga.send("/tariffs");
        assertThat(tariffs.text()).contains("#1 1 month — <b>5.00 USD</b> · on sale");
        Call card = olga.press(tariffs, "afv:1");
        Call askPrice = olga.press(card, "afp:1");
        assertThat(askPrice.text()).contains("now 5.00 USD");

        assertThat(olga.send("abc").text()).contains("\"abc\" is not a price");
        assertThat(olga.send("0").text()).contains("The price must be more than 0");
        assertThat(olga.send("4.999").text()).contains("USD allows at most 2 decimal places");
        assertThat(olga.send("7.50 XYZ").text()).contains("\"XYZ\" is not a currency code");
        assertThat(rig.shop.tariffs.find(new TariffId(1)).orElseThrow().price()).as("bad input changes nothing").isEqualTo(Money.of("5.00", "USD"));

        Call changed = olga.send("7,50");
        assertThat(changed.text()).contains("Price changed from 5.00 USD to 7.50 USD").contains("placed orders keep theirs");
        assertThat(rig.states.find(BotRig.ADMIN)).isEmpty();

        Call summaryAfter = orderSummary(1);
        assertThat(summaryAfter.text()).contains("7.50 USD");
        assertThat(rig.shop.orders.find(new OrderId(orderId(summaryAfter))).orElseThrow().price()).isEqualTo(Money.of("7.50", "USD"));
        assertThat(rig.shop.orders.find(new OrderId(placedBefore)).orElseThrow().price()).isEqualTo(Money.of("5.00", "USD"));

        Call inEuro = olga.press(olga.press(olga.send("/tariffs"), "afv:2"), "afp:2");
        assertThat(inEuro.text()).contains("12.00 USD");
        assertThat(olga.send("11 eur").text()).contains("to 11.00 EUR");
        assertThat(rig.shop.tariffs.find(new TariffId(2)).orElseThrow().price()).isEqualTo(Money.of("11.00", "EUR"));
    }

    @Test
    void tariffs_are_added_taken_off_sale_and_removed_and_bad_input_adds_nothing() {
        Call tariffs = olga.send("/tariffs");
        Call ask = olga.press(tariffs, "afn");
        assertThat(ask.text()).contains("30 4.99 USD 1");

        assertThat(olga.send("0 5 USD").text()).contains("whole number of days from 1 to 3660");
        assertThat(olga.send("30 abc USD").text()).contains("\"abc\" is not a price");
        assertThat(olga.send("30 5").text()).contains("Send the days, the price and the currency");
        assertThat(rig.shop.tariffs.all()).hasSize(2);

        Call added = olga.send("7 1.50 USD");
        assertThat(added.text()).contains("Tariff 7 days for 1.50 USD added and on sale").contains("Position in the list: 4");
        Tariff week = rig.shop.tariffs.all().stream().filter(t -> t.days() == 7).findFirst().orElseThrow();
        assertThat(week.price()).isEqualTo(Money.of("1.50", "USD"));
        assertThat(ivan.press(ivan.send("/start"), "b").buttons()).extracting(Button::text).contains("7 days — 1.50 USD");

        Call offSale = olga.press(added, "afa:" + week.id() + ":0");
        assertThat(offSale.text()).contains("is no longer on sale").contains("not on sale");
        assertThat(ivan.press(ivan.send("/start"), "b").buttons()).extracting(Button::text).doesNotContain("7 days — 1.50 USD");
        assertThat(olga.send("/tariffs").text()).contains("7 days — <b>1.50 USD</b> · not on sale");

        Call askRemove = olga.press(offSale, "afd:" + week.id());
        assertThat(askRemove.text()).contains("Remove the tariff 7 days for 1.50 USD?");
        Call removed = olga.press(askRemove, "afx:" + week.id());
        assertThat(removed.text()).contains("Tariff 7 days for 1.50 USD removed.");
        assertThat(removed.buttons()).extracting(Button::callbackData).doesNotContain("afv:" + week.id());
        assertThat(rig.shop.tariffs.find(week.id())).isEmpty();
    }

    @Test
    void the_statistics_screen_counts_users_keys_expiring_keys_revenue_and_load() {
        rig.payAndDeliver(orderId(orderSummary(1)));
        rig.clock.advance(Duration.ofDays(28));
        BotRig.TgUser anna = rig.user(1002, "Anna", "ru");
        Call annaSummary = anna.press(anna.press(anna.press(anna.send("/start"), "b"), "bt:2"), "bs:2:2");
        rig.payAndDeliver(Long.parseLong(annaSummary.data("oc:").substring(3)));

        Call stats = olga.send("/stats");

        assertThat(stats.text()).contains("Users: <b>3</b>").contains("Active keys: <b>2</b>").contains("Expiring within 3 days: <b>1</b>")
                .contains("last 24 hours: 1 order · 12.00 USD")
                .contains("last 7 days: 1 order · 12.00 USD")
                .contains("last 30 days: 2 orders · 17.00 USD")
                .contains("🇩🇪 Frankfurt: 1/100 (1%)").contains("🇳🇱 Amsterdam: 1/100 (1%)");
        Call refreshed = olga.press(stats, "aq");
        assertThat(refreshed.text()).isEqualTo(stats.text());
        assertThat(stats.buttons()).extracting(Button::callbackData).containsExactly("aq", "a");
    }
}
