package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase.Report;
import dev.vpnbot.application.service.payment.PaymentReconciliation;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money that comes after the buyer or the bot gave up on an order, with its webhook lost, and a
 * crowd of unpaid orders: reconciliation still finds the payment, on the real PostgreSQL, the
 * Heleket adapter against the fake Heleket and the 3x-ui adapter against the fake panel.
 */
@PostgresTest
class LatePaymentTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration INVOICE_LIFETIME = PurchaseSettings.defaults().invoiceLifetime();

    private MoneyPathRig rig;
    private RunningBot bot;

    @BeforeEach
    void openRig(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        rig = new MoneyPathRig(db, schema, clock, START);
        bot = rig.startBot();
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    private void payWithWebhookLost(Order order) {
        rig.frontDoor.loseWebhooks(true);
        assertThat(rig.pay(order).acknowledged()).as("Heleket believes it delivered").isTrue();
        rig.frontDoor.loseWebhooks(false);
    }

    private void assertKeyDelivered(Order order) {
        assertThat(bot.worker.runDueJobs()).isEqualTo(1);
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(rig.ourPanelClients()).hasSize(1);
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void a_cancelled_order_paid_with_its_webhook_lost_is_found_by_reconciliation() {
        Order order = rig.placeNewKey(bot);
        bot.cancellation.cancel(MoneyPathRig.BUYER, order.id());
        payWithWebhookLost(order);
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);

        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(1, 1, 0, 0));
        assertThat(rig.statusChanges(order.id())).containsExactly("CREATED>AWAITING_PAYMENT", "AWAITING_PAYMENT>CANCELLED", "CANCELLED>PAID");
        assertKeyDelivered(order);
        assertThat(bot.reconciliation.reconcile()).as("a fulfilled order is not asked about again").isEqualTo(new Report(0, 0, 0, 0));
    }

    @Test
    void an_expired_order_paid_with_its_webhook_lost_is_found_until_the_late_window_closes() {
        Order order = rig.placeNewKey(bot);
        rig.clock.advance(INVOICE_LIFETIME.plus(RunningBot.EXPIRY_GRACE).plusSeconds(1));
        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(2, 0, 1, 0)); // asked while waiting, expired, asked as lapsed
        rig.clock.advance(RunningBot.LATE_PAYMENT_WINDOW.minus(RunningBot.EXPIRY_GRACE).minusSeconds(2));
        payWithWebhookLost(order);

        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(1, 1, 0, 0));
        assertKeyDelivered(order);
    }

    @Test
    void a_lapsed_order_is_left_alone_once_its_late_window_closed() {
        Order order = rig.placeNewKey(bot);
        bot.cancellation.cancel(MoneyPathRig.BUYER, order.id());
        rig.clock.advance(INVOICE_LIFETIME.plus(RunningBot.LATE_PAYMENT_WINDOW).plusSeconds(1));

        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(0, 0, 0, 0));
        assertThat(rig.heleket.requests("/v1/payment/info")).isEmpty();
    }

    @Test
    void a_crowd_of_unpaid_orders_does_not_hide_a_lost_webhook_from_reconciliation() {
        for (long crowd = 2001; crowd <= 2009; crowd++) { // nine orders placed before the buyer's, by nine users
            rig.records.users().save(UserMother.russian(crowd));
            bot.placement.placeNewKey(new PlaceNewKeyOrderCommand(new UserId(crowd), MoneyPathRig.ONE_MONTH.id(), MoneyPathRig.SERVER));
        }
        Order order = rig.placeNewKey(bot);
        payWithWebhookLost(order);
        PaymentReconciliation smallBatches = new PaymentReconciliation(rig.records.orders(), bot.paymentCheck,
                rig.records.transactions(), rig.clock, RunningBot.EXPIRY_GRACE, 3, RunningBot.LATE_PAYMENT_WINDOW);

        int rounds = 0;
        while (rig.order(order.id()).status() != OrderStatus.PAID && rounds < 10) {
            smallBatches.reconcile();
            rounds++;
        }
        assertThat(rounds).as("three rounds of three walk past nine orders to the tenth").isEqualTo(4);
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }
}
