package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code Orders} contract, for every implementation: every field of an order survives every step of its life. */
public abstract class AbstractOrdersContractTest extends PersistenceContract {
    private static final Invoice INVOICE = new Invoice("0b7e6c1e-3c1f-4d7e-9f51-2f0c1d6b7a11", "https://pay.heleket.com/pay/0b7e6c1e");

    private User buyer;
    private Server server;

    protected AbstractOrdersContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @BeforeEach
    void buyerAndServer() {
        buyer = savedUser(42);
        server = savedServer("Frankfurt");
    }

    private void save(Order order) {
        ports.orders().save(order);
    }

    private Order found(Order order) {
        return ports.orders().find(order.id()).orElseThrow();
    }

    @Test
    void new_ids_are_never_handed_out_twice() {
        assertThat(ports.orders().nextId()).isNotEqualTo(ports.orders().nextId());
    }

    @Test
    void a_new_key_order_comes_back_equal_at_every_step_from_placed_to_fulfilled() {
        Order placed = placedOrder(buyer, server, NOW);
        assertThat(found(placed)).isEqualTo(placed);

        Order awaiting = placed.awaitPayment(INVOICE);
        save(awaiting);
        assertThat(found(placed)).isEqualTo(awaiting);

        Order paid = awaiting.pay(Money.of("7.25", "USD"), NOW.plus(Duration.ofMinutes(3)));
        save(paid);
        assertThat(found(placed)).isEqualTo(paid);
        assertThat(found(placed).overpayment()).contains(Money.of("2.25", "USD"));

        VpnKey key = savedKey(buyer, server, NOW.plus(Duration.ofDays(30)), KeyStatus.PROVISIONING);
        Order granted = paid.grant(key.id(), key.expiresAt());
        save(granted);
        assertThat(found(placed)).isEqualTo(granted);

        Order fulfilled = granted.fulfil(NOW.plus(Duration.ofMinutes(4)));
        save(fulfilled);
        assertThat(found(placed)).isEqualTo(fulfilled);
        assertThat(ports.orders().findForUpdate(placed.id())).contains(fulfilled);
    }

    @Test
    void a_renewal_order_comes_back_with_the_key_it_renews() {
        VpnKey key = savedKey(buyer, server, NOW.plus(Duration.ofDays(2)), KeyStatus.ACTIVE);
        Order renewal = newOrder(buyer, new OrderPurpose.Renewal(key.id()), NOW);
        save(renewal);

        assertThat(found(renewal)).isEqualTo(renewal);
        assertThat(found(renewal).purpose()).isEqualTo(new OrderPurpose.Renewal(key.id()));
    }

    @Test
    void an_underpayment_in_another_currency_comes_back_as_recorded() {
        Order underpaid = placedOrder(buyer, server, NOW).awaitPayment(INVOICE).underpaid(Money.of("3.10", "EUR"));
        save(underpaid);

        assertThat(found(underpaid)).isEqualTo(underpaid);
        assertThat(found(underpaid).amountPaid()).isEqualTo(Money.of("3.10", "EUR"));
    }

    @Test
    void an_order_is_found_by_its_public_id_and_unknown_ones_are_not() {
        Order order = placedOrder(buyer, server, NOW);
        placedOrder(buyer, server, NOW);

        assertThat(ports.orders().findByPublicId(order.publicId())).contains(order);
        assertThat(ports.orders().findByPublicId(new PublicOrderId("vpn-0-nothing"))).isEmpty();
        assertThat(ports.orders().find(new OrderId(999_999))).isEmpty();
    }

    @Test
    void a_public_order_id_is_unique_for_ever_and_a_refused_order_is_not_stored() {
        Order first = placedOrder(buyer, server, NOW);
        Order other = newOrder(buyer, new OrderPurpose.NewKey(server.id()), NOW);
        Order sameSecret = new Order(other.id(), first.publicId(), other.userId(), other.tariff(), other.purpose(),
                other.status(), other.paymentDeadline(), other.createdAt(), null, null, null, null, null, null);

        assertThatThrownBy(() -> save(sameSecret)).isInstanceOf(IllegalStateException.class);
        assertThat(ports.orders().find(other.id())).isEmpty();
        assertThat(ports.orders().findByPublicId(first.publicId())).contains(first);
    }

    @Test
    void orders_waiting_for_payment_are_walked_by_id_from_a_cursor() {
        Order first = placedOrder(buyer, server, NOW.plus(Duration.ofMinutes(30)));
        Order second = placedOrder(buyer, server, NOW.minus(Duration.ofMinutes(30)));
        Order awaiting = placedOrder(buyer, server, NOW).awaitPayment(INVOICE);
        save(awaiting);
        save(placedOrder(buyer, server, NOW).cancel());
        save(placedOrder(buyer, server, NOW).expire());
        save(placedOrder(buyer, server, NOW).awaitPayment(INVOICE).pay(Money.of("5.00", "USD"), NOW));
        save(placedOrder(buyer, server, NOW).awaitPayment(INVOICE).underpaid(Money.of("1.00", "USD")));

        assertThat(ports.orders().waitingForPayment(0, 10)).containsExactly(first, second, awaiting);
        assertThat(ports.orders().waitingForPayment(0, 2)).containsExactly(first, second);
        assertThat(ports.orders().waitingForPayment(second.id().value(), 10)).containsExactly(awaiting);
        assertThat(ports.orders().waitingForPayment(awaiting.id().value(), 10)).isEmpty();
    }

    @Test
    void lapsed_orders_with_a_live_invoice_are_found_and_no_others() {
        Order cancelled = placedOrder(buyer, server, NOW).awaitPayment(INVOICE).cancel();
        save(cancelled);
        Order expired = placedOrder(buyer, server, NOW).awaitPayment(INVOICE).expire();
        save(expired);
        Order underpaid = placedOrder(buyer, server, NOW).awaitPayment(INVOICE).underpaid(Money.of("1.00", "USD"));
        save(underpaid);
        save(placedOrder(buyer, server, NOW).cancel()); // never had an invoice: nobody can pay it
        save(placedOrder(buyer, server, NOW).awaitPayment(INVOICE)); // still waiting: the other walk's
        save(placedOrder(buyer, server, NOW).awaitPayment(INVOICE).pay(Money.of("5.00", "USD"), NOW));
        Order longGone = placedOrder(buyer, server, NOW.minus(Duration.ofDays(3))).awaitPayment(INVOICE).expire();
        save(longGone);

        Instant deadlineAfter = NOW.minus(Duration.ofDays(1));
        assertThat(ports.orders().lapsedWithInvoice(deadlineAfter, 0, 10)).containsExactly(cancelled, expired, underpaid);
        assertThat(ports.orders().lapsedWithInvoice(deadlineAfter, cancelled.id().value(), 1)).containsExactly(expired);
        assertThat(ports.orders().lapsedWithInvoice(NOW.minus(Duration.ofDays(4)), underpaid.id().value(), 10)).containsExactly(longGone);
    }

    @Test
    void a_users_waiting_orders_are_counted_and_nobody_elses() {
        User other = savedUser(43);
        placedOrder(buyer, server, NOW);
        save(placedOrder(buyer, server, NOW).awaitPayment(INVOICE));
        save(placedOrder(buyer, server, NOW).cancel());
        placedOrder(other, server, NOW);

        assertThat(ports.orders().countWaiting(buyer.id())).isEqualTo(2);
        assertThat(ports.orders().countWaiting(savedUser(44).id())).isZero();
    }

    @Test
    void a_users_orders_come_newest_first_and_only_theirs() {
        User other = savedUser(43);
        Order older = placedOrder(buyer, server, NOW.minus(Duration.ofDays(1)));
        Order newer = placedOrder(buyer, server, NOW);
        Order sameInstantHigherId = placedOrder(buyer, server, NOW);
        placedOrder(other, server, NOW);

        assertThat(ports.orders().ofUser(buyer.id(), 10)).containsExactly(sameInstantHigherId, newer, older);
        assertThat(ports.orders().ofUser(buyer.id(), 1)).containsExactly(sameInstantHigherId);
    }

    @Test
    void a_paid_order_whose_deadline_passed_keeps_its_deadline_and_status() {
        Order expiredThenPaid = placedOrder(buyer, server, NOW).awaitPayment(INVOICE).expire()
                .pay(Money.of("5.00", "USD"), NOW.plus(Duration.ofHours(5)));
        save(expiredThenPaid);

        Order back = found(expiredThenPaid);
        assertThat(back.status()).isEqualTo(OrderStatus.PAID);
        assertThat(back.paymentDeadline()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(back).isEqualTo(expiredThenPaid);
    }
}
