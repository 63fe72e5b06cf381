package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The balance through the real adapter against the fake Bot API: balance, top-up, history, paying an order, auto-renew, the admin's ledger. */
class BalanceJourneyTest {
    private static final UserId IVAN = new UserId(1001);
    private BotRig rig;

    @BeforeEach
    void open() {
        rig = BotRig.started();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private void gatewayPaysTopUp(String amount) {
        TopUp topUp = rig.shop.topUps.ofUser(IVAN, 1).get(0);
        rig.gateway.pay(topUp.publicId(), Money.of(amount, "USD"));
        assertThat(rig.shop.paymentRouting.confirm(new ConfirmPaymentCommand(topUp.invoice().invoiceId(), topUp.publicId(),
                PaymentStatus.PAID, Money.of(amount, "USD"), "paid", "{}"))).isEqualTo(Outcome.PAID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ru | 0,00 USD | Пополнение баланса | Не получилось | 7,50 USD | зачисление
            en | 0.00 USD | Top up balance     | Could not take | 7.50 USD | deposit
            """)
    void a_user_sees_the_balance_tops_it_up_with_a_typed_amount_and_reads_the_history(String lang, String zero, String topUpTitle,
                                                                                      String badAmount, String credited, String deposit) {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", lang);
        Call menu = ivan.send("/start");

        Call balance = ivan.press(menu, "bb");
        assertThat(balance.text()).contains(zero);
        Call topUp = ivan.press(balance, "bu");
        assertThat(topUp.text()).contains(topUpTitle);
        assertThat(topUp.buttons()).extracting(b -> b.callbackData()).contains("ba:1", "ba:2");

        assertThat(ivan.send("12.345").text()).contains(badAmount);
        assertThat(rig.shop.topUps.ofUser(IVAN, 10)).isEmpty();
        Call invoice = ivan.send("7.5");
        assertThat(invoice.buttons()).anyMatch(b -> b.url() != null && b.url().startsWith("https://sandbox-pay.invalid/pay/"));
        gatewayPaysTopUp("7.50");

        Call after = ivan.send("/balance");
        assertThat(after.text()).contains(credited);
        assertThat(ivan.press(after, "bh").text()).contains(deposit).contains(credited);
    }

    @Test
    void an_order_is_paid_from_the_balance_and_auto_renew_is_switched_on_and_off_for_its_key() {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call menu = ivan.send("/start");
        ivan.press(ivan.press(ivan.press(menu, "bb"), "bu"), "ba:2"); // the second preset, 10.00 USD
        gatewayPaysTopUp("10.00");

        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/buy"), "bt:1"), "bs:1:1"), "bp:");
        assertThat(summary.text()).contains("paid from your balance");
        long orderId = rig.shop.orders.ofUser(IVAN, 1).get(0).id().value();
        assertThat(rig.shop.orders.find(new OrderId(orderId)).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        rig.deliverDueKeys();
        VpnKey key = rig.keys.ofOwner(IVAN).get(0);

        Call balance = ivan.send("/balance");
        assertThat(balance.text()).contains("5.00 USD");
        Call on = ivan.press(balance, "bw:" + key.id().value() + ":1");
        assertThat(on.data("bw:")).isEqualTo("bw:" + key.id().value() + ":0");
        assertThat(rig.shop.autoRenewals.find(key.id())).isPresent();
        ivan.press(on, "bw:");
        assertThat(rig.shop.autoRenewals.find(key.id())).isEmpty();
    }

    @Test
    void an_admin_reads_a_users_ledger_and_credits_it_with_a_reason() {
        rig.user(1001, "Ivan", "en").send("/start");
        BotRig.TgUser admin = rig.user(BotRig.ADMIN, "Boss", "en");
        Call home = admin.send("/start");

        Call ledger = admin.pressData(home.messageId(), "abl:1001");
        assertThat(ledger.text()).contains("1001").contains("0.00 USD");
        admin.press(ledger, "abe:1001:1");
        // the admins also get the audit alert: wait for the screen, not for whatever comes first
        int mark = rig.api.mark();
        admin.send("3 apology for the outage");
        Call written = rig.api.awaitAfter(mark, java.time.Duration.ofSeconds(30), c -> c.text().contains("Written"));

        assertThat(written.text()).contains("3.00 USD").contains("apology for the outage").contains("admin " + BotRig.ADMIN);
        assertThat(rig.shop.balanceBook.balanceOf(IVAN)).isEqualTo(Money.of("3.00", "USD"));
        admin.press(written, "abe:1001:0");
        assertThat(admin.send("-3 oops").text()).contains("Not written");
        assertThat(admin.send("4 more than there is").text()).contains("Not written").contains("BALANCE_TOO_LOW");
        assertThat(rig.shop.balanceBook.balanceOf(IVAN)).isEqualTo(Money.of("3.00", "USD"));
    }
}
