package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code StarPayments} contract: one row per charge, a repeat harms nothing, refunds and panel steps are kept. */
public abstract class AbstractStarPaymentsContractTest extends PersistenceContract {

    protected AbstractStarPaymentsContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    private Order starsOrder(User user) {
        Order order = Order.place(ports.orders().nextId(), dev.vpnbot.domain.order.PublicOrderId.of(ports.orders().nextId(), "s"),
                user.id(), ONE_MONTH.snapshot(new BigDecimal("50")), new OrderPurpose.NewKey(savedServer("Frankfurt").id()), NOW,
                Duration.ofHours(1));
        ports.orders().save(order);
        return order;
    }

    @Test
    void a_charge_is_recorded_once_and_a_repeat_inside_a_unit_of_work_leaves_it_usable() {
        User user = savedUser(7);
        Order order = starsOrder(user);
        StarPayment applied = StarPayment.applied("ch-1", user.id(), order.publicId().value(), order.id(), new Stars(250), NOW);
        boolean again = ports.transactions().inTransaction(() -> {
            assertThat(ports.starPayments().record(applied)).isTrue();
            boolean repeat = ports.starPayments().record(StarPayment.held("ch-1", user.id(), "x", null, new Stars(1),
                    StarPayment.Problem.NO_ORDER, NOW));
            savedUser(8); // the unit of work goes on after the repeat
            return repeat;
        });
        assertThat(again).isFalse();
        assertThat(ports.starPayments().findForUpdate("ch-1")).contains(applied);
        assertThat(ports.users().find(new UserId(8))).isPresent();
    }

    @Test
    void a_payment_recorded_in_a_unit_of_work_that_fails_is_not_kept() {
        User user = savedUser(7);
        try {
            ports.transactions().run(() -> {
                ports.starPayments().record(StarPayment.held("ch-1", user.id(), "x", null, new Stars(5), StarPayment.Problem.NO_ORDER, NOW));
                throw new IllegalStateException("crash after recording");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(ports.starPayments().findForUpdate("ch-1")).isEmpty();
    }

    @Test
    void a_refund_and_its_panel_step_are_kept_and_a_payers_payments_come_newest_first() {
        User user = savedUser(7);
        ports.starPayments().record(StarPayment.held("old", user.id(), "x", null, new Stars(5), StarPayment.Problem.NO_ORDER, NOW));
        Order order = starsOrder(user);
        StarPayment applied = StarPayment.applied("new", user.id(), order.publicId().value(), order.id(), new Stars(250),
                NOW.plusSeconds(60));
        ports.starPayments().record(applied);
        ports.starPayments().record(StarPayment.held("other", savedUser(8).id(), "x", null, new Stars(5), StarPayment.Problem.NOT_YOURS, NOW));

        StarPayment refunded = applied.refunded(NOW.plusSeconds(120), true);
        ports.starPayments().save(refunded);

        assertThat(ports.starPayments().ofPayer(user.id(), 10)).extracting(StarPayment::chargeId).containsExactly("new", "old");
        assertThat(ports.starPayments().panelPending(10)).containsExactly(refunded);
        ports.starPayments().save(refunded.panelDone());
        assertThat(ports.starPayments().panelPending(10)).isEmpty();
        assertThat(ports.starPayments().findForUpdate("new").orElseThrow().isRefunded()).isTrue();
    }

    @Test
    void an_order_keeps_its_stars_price_and_how_it_was_paid() {
        Order order = starsOrder(savedUser(7));
        ports.orders().save(order.pay(Money.of("5.00", "USD"), NOW, PaymentMethod.STARS));
        Order stored = ports.orders().find(order.id()).orElseThrow();
        assertThat(stored.starsPrice()).contains(new Stars(250));
        assertThat(stored.paidVia()).isEqualTo(PaymentMethod.STARS);
    }
}
