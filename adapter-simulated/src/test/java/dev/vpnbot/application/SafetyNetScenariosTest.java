package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase.Report;
import dev.vpnbot.application.service.payment.TestPayments;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reconciliation, order expiry, expiry reminders and test payments. */
class SafetyNetScenariosTest extends ShopScenario {

    private VpnKey deliveredKey() {
        Order order = buyOnServerX();
        shop.testPayments.payForTest(BUYER, order.id());
        shop.worker.runDueJobs();
        return shop.keys.ofOwner(BUYER).get(0);
    }

    @Test
    void a_lost_webhook_is_made_good_by_reconciliation() {
        Order order = buyOnServerX();
        gateway.payInFull(order.publicId());

        Report report = shop.reconciliation.reconcile();
        assertThat(report.paid()).isEqualTo(1);
        shop.worker.runDueJobs();
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
    }

    @Test
    void rule_unpaid_orders_expire_only_after_deadline_plus_grace() {
        Order order = buyOnServerX();
        clock.advance(Duration.ofHours(1).plusMinutes(10)); // past the 1 h deadline, within 30 min grace
        assertThat(shop.reconciliation.reconcile().expired()).isZero();

        clock.advance(Duration.ofMinutes(30));
        assertThat(shop.reconciliation.reconcile().expired()).isEqualTo(1);
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void a_gateway_outage_during_reconciliation_changes_nothing() {
        Order order = buyOnServerX();
        gateway.goDown(true);
        assertThat(shop.reconciliation.reconcile().failedChecks()).isEqualTo(1);
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void reminders_go_out_three_days_and_one_day_before_and_on_expiry_each_once() {
        VpnKey key = deliveredKey();

        clock.set(key.expiresAt().minus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(shop.reminders.sendDueReminders()).isEqualTo(1);
        assertThat(shop.reminders.sendDueReminders()).isZero();

        clock.set(key.expiresAt().minus(Duration.ofHours(20)));
        assertThat(shop.reminders.sendDueReminders()).isEqualTo(1);

        clock.set(key.expiresAt().plusSeconds(60));
        assertThat(shop.reminders.sendDueReminders()).isEqualTo(1);
        assertThat(shop.reminders.sendDueReminders()).isZero();

        assertThat(notifier.sent()).extracting(RecordingNotifier.Sent::kind)
                .containsSubsequence("reminder:THREE_DAYS_BEFORE", "reminder:ONE_DAY_BEFORE", "reminder:EXPIRED");
    }

    @Test
    void a_renewed_key_is_reminded_again_before_its_new_expiry() {
        VpnKey key = deliveredKey();
        clock.set(key.expiresAt().minus(Duration.ofHours(20)));
        shop.reminders.sendDueReminders();

        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        shop.testPayments.payForTest(BUYER, renewal.id());
        shop.worker.runDueJobs();
        VpnKey renewed = shop.keys.find(key.id()).orElseThrow();

        clock.set(renewed.expiresAt().minus(Duration.ofHours(20)));
        assertThat(shop.reminders.sendDueReminders()).isEqualTo(1);
    }

    @Test
    void blocked_users_get_no_reminders() {
        VpnKey key = deliveredKey();
        shop.users.save(shop.users.find(BUYER).orElseThrow().withBlocked(true));
        clock.set(key.expiresAt().minus(Duration.ofHours(20)));
        assertThat(shop.reminders.sendDueReminders()).isZero();
    }

    @Test
    void test_payments_take_the_webhook_path_and_cannot_exist_unless_switched_on() {
        VpnKey key = deliveredKey();
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
        assertThatThrownBy(() -> new TestPayments(false, shop.orders, shop.confirmation))
                .hasMessageContaining("PAYMENT_TEST_MODE");
    }
}
