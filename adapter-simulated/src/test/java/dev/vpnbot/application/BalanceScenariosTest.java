package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.balance.ReconcileLedgerUseCase.Report;
import dev.vpnbot.application.port.in.balance.RenewFromBalanceUseCase.Round;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.domain.balance.EntryKind;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.order.PublicOrderId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The balance's rules (docs/BALANCE.md), one test each, over the simulated gateway and panel. */
class BalanceScenariosTest extends ShopScenario {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private Outcome notify(PublicOrderId id, PaymentStatus status, Money paid) {
        return shop.paymentRouting.confirm(new ConfirmPaymentCommand(gateway.invoiceOf(id).invoiceId(), id, status, paid,
                status.name().toLowerCase(), "{}"));
    }

    private Money balance() {
        return shop.balanceBook.balanceOf(BUYER);
    }

    private TopUp toppedUp(String amount) {
        TopUp topUp = shop.balanceTopUp.topUp(BUYER, usd(amount));
        gateway.pay(topUp.publicId(), usd(amount));
        assertThat(notify(topUp.publicId(), PaymentStatus.PAID, usd(amount))).isEqualTo(Outcome.PAID);
        return topUp;
    }

    @Test
    void rule_a_surplus_is_deposited_to_the_balance_once() {
        Order order = buyOnServerX();
        gateway.pay(order.publicId(), usd("7.00"));
        notify(order.publicId(), PaymentStatus.PAID_OVER, usd("7.00"));
        notify(order.publicId(), PaymentStatus.PAID_OVER, usd("7.00"));

        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(balance()).isEqualTo(usd("2.00"));
        assertThat(shop.balances.history(BUYER, 10)).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("surplus:" + order.id().value()));
    }

    @Test
    void rule_an_underpayment_is_deposited_and_paying_the_difference_from_the_balance_completes_the_order() {
        Order order = buyOnServerX();
        gateway.pay(order.publicId(), usd("3.00"));
        assertThat(notify(order.publicId(), PaymentStatus.WRONG_AMOUNT, usd("3.00"))).isEqualTo(Outcome.PAYMENT_TOO_LOW);
        assertThat(balance()).isEqualTo(usd("3.00"));

        assertThatThrownBy(() -> shop.balanceCheckout.payWhole(BUYER, order.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.BALANCE_TOO_LOW))
                .hasMessageContaining("2.00 USD");
        TopUp rest = shop.balanceCheckout.topUpRest(BUYER, order.id());
        assertThat(rest.amount()).isEqualTo(usd("2.00"));
        gateway.pay(rest.publicId(), usd("2.00"));
        assertThat(notify(rest.publicId(), PaymentStatus.PAID, usd("2.00"))).isEqualTo(Outcome.PAID);

        Order paid = shop.orders.find(order.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidVia()).isEqualTo(PaymentMethod.BALANCE);
        assertThat(balance()).isEqualTo(usd("0.00"));
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
        assertThat(shop.keys.ofOwner(BUYER)).hasSize(1);
    }

    @Test
    void rule_an_underpaid_invoice_later_paid_in_full_is_counted_once() {
        Order order = buyOnServerX();
        gateway.pay(order.publicId(), usd("3.00"));
        notify(order.publicId(), PaymentStatus.WRONG_AMOUNT, usd("3.00"));
        gateway.pay(order.publicId(), usd("5.50")); // the payer sent the rest to the same invoice

        assertThat(notify(order.publicId(), PaymentStatus.PAID_OVER, usd("5.50"))).isEqualTo(Outcome.PAID);

        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(balance()).isEqualTo(usd("0.50"));
        assertThat(shop.balances.depositsOfPayment(order.publicId().value())).extracting(LedgerEntry::amount)
                .containsExactly(usd("3.00"), usd("2.50"));
    }

    @Test
    void rule_a_top_up_is_credited_at_the_value_the_gateway_reports_only_after_asking_it_and_once() {
        TopUp topUp = shop.balanceTopUp.topUp(BUYER, usd("10.00"));
        assertThat(notify(topUp.publicId(), PaymentStatus.PAID, usd("10.00"))).as("the gateway says nothing was paid yet")
                .isEqualTo(Outcome.PENDING);
        gateway.pay(topUp.publicId(), usd("9.50"));

        assertThat(notify(topUp.publicId(), PaymentStatus.WRONG_AMOUNT, usd("9.50"))).isEqualTo(Outcome.PAID);
        assertThat(notify(topUp.publicId(), PaymentStatus.WRONG_AMOUNT, usd("9.50"))).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(balance()).isEqualTo(usd("9.50"));
        assertThat(shop.topUps.find(topUp.publicId()).orElseThrow().isCredited()).isTrue();
    }

    @Test
    void rule_an_order_is_paid_whole_from_the_balance_in_one_step_and_delivered() {
        toppedUp("6.00");
        Order order = buyOnServerX();

        Order paid = shop.balanceCheckout.payWhole(BUYER, order.id());

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(balance()).isEqualTo(usd("1.00"));
        assertThatThrownBy(() -> shop.balanceCheckout.payWhole(BUYER, order.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.ORDER_NOT_PAYABLE));
        assertThat(balance()).isEqualTo(usd("1.00"));
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
    }

    @Test
    void rule_bad_amounts_are_refused_and_nothing_is_written() {
        for (String typed : List.of("0", "-5", "1.234", "abc", "")) {
            assertThatThrownBy(() -> shop.balanceTopUp.topUp(BUYER, shop.balanceBook.amount(typed)))
                    .as(typed).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
        }
        assertThatThrownBy(() -> shop.balanceTopUp.topUp(BUYER, Money.of("5.00", "EUR")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT))
                .hasMessageContaining("EUR");
        assertThatThrownBy(() -> shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "0.001", "gift"))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "5", " "))
                .isInstanceOf(Refusal.class);
        assertThat(shop.topUps.ofUser(BUYER, 10)).isEmpty();
        assertThat(shop.balances.history(BUYER, 10)).isEmpty();
    }

    @Test
    void rule_manual_entries_need_an_admin_name_him_and_never_take_more_than_the_balance() {
        assertThatThrownBy(() -> shop.balanceAdministration.credit(BUYER, BUYER, "5", "self-service"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
        LedgerEntry credit = shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "5,00", "apology for the outage");
        assertThatThrownBy(() -> shop.balanceAdministration.debit(TestShop.ADMIN, BUYER, "5.01", "too much"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.BALANCE_TOO_LOW));

        assertThat(credit.kind()).isEqualTo(EntryKind.CREDIT);
        assertThat(credit.actor()).isEqualTo(TestShop.ADMIN);
        assertThat(shop.balanceAdministration.ledger(TestShop.ADMIN, BUYER, 10).balance()).isEqualTo(usd("5.00"));
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.BALANCE_ADJUSTED);
    }

    @Test
    void rule_auto_renew_renews_from_the_balance_once_per_expiry_and_a_short_balance_is_told_the_exact_shortfall() {
        Order first = buyOnServerX();
        gateway.payAndNotify(first.publicId(), shop.paymentRouting);
        shop.worker.runDueJobs();
        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        shop.autoRenewal.switchOn(BUYER, key.id());
        shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "3.00", "gift");
        clock.set(key.expiresAt().minus(Duration.ofDays(1)));

        assertThat(shop.autoRenewal.renewDue()).isEqualTo(new Round(0, 1, 0));
        assertThat(shop.autoRenewal.renewDue()).isEqualTo(new Round(0, 1, 0));
        assertThat(notifier.sentOfKind("autoRenewShort")).singleElement()
                .satisfies(s -> assertThat(s.detail()).endsWith("short 2.00 USD"));

        toppedUp("2.00");
        assertThat(shop.autoRenewal.renewDue()).isEqualTo(new Round(1, 0, 0));
        assertThat(shop.autoRenewal.renewDue()).isEqualTo(new Round(0, 0, 0));
        shop.worker.runDueJobs();

        assertThat(shop.keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
        assertThat(balance()).isEqualTo(usd("0.00"));
        shop.autoRenewal.switchOff(BUYER, key.id());
        assertThat(shop.balanceAdministration.autoRenewers(TestShop.ADMIN, 10)).isEmpty();
    }

    @Test
    void rule_the_daily_reconciliation_alerts_when_the_ledger_and_the_gateway_disagree() {
        toppedUp("4.00");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Report clean = shop.ledgerReconciliation.reconcile(today);
        assertThat(clean.mismatches()).isEmpty();
        assertThat(clean.checkedPayments()).isEqualTo(1);

        ((dev.vpnbot.application.fixtures.InMemoryBalances) shop.balances).corruptAccount(BUYER, usd("40.00"));
        Report broken = shop.ledgerReconciliation.reconcile(today);

        assertThat(broken.mismatches()).hasSize(1);
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.LEDGER_MISMATCH);
    }
}
