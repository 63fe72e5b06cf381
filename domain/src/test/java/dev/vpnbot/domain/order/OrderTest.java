package dev.vpnbot.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Invoice INVOICE = new Invoice("inv-1", "https://pay.heleket.com/pay/inv-1");

    private static Order placed() {
        OrderId id = new OrderId(42);
        return Order.place(id, PublicOrderId.of(id, "abc123xyz"), new UserId(7), TariffMother.oneMonth(1).snapshot(),
                new OrderPurpose.NewKey(new ServerId(1)), NOW, Duration.ofHours(1));
    }

    @Test
    void an_order_goes_created_awaiting_paid_granted_fulfilled() {
        Order order = placed().awaitPayment(INVOICE).pay(Money.of("5.00", "USD"), NOW)
                .grant(new KeyId(9), NOW.plus(Duration.ofDays(30))).fulfil(NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(order.keyId()).isEqualTo(new KeyId(9));
        assertThat(order.paymentDeadline()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void rule_money_that_arrives_after_the_deadline_or_a_cancel_is_still_honoured() {
        assertThat(placed().awaitPayment(INVOICE).expire().pay(Money.of("5", "USD"), NOW).status()).isEqualTo(OrderStatus.PAID);
        assertThat(placed().cancel().pay(Money.of("5", "USD"), NOW).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void rule_a_paid_order_never_goes_back() {
        Order paid = placed().pay(Money.of("5", "USD"), NOW);
        assertThatThrownBy(paid::cancel).isInstanceOf(IllegalOrderTransition.class);
        assertThatThrownBy(paid::expire).isInstanceOf(IllegalOrderTransition.class);
        assertThatThrownBy(() -> paid.pay(Money.of("5", "USD"), NOW)).isInstanceOf(IllegalOrderTransition.class);
        assertThatThrownBy(() -> paid.underpaid(Money.of("1", "USD"))).isInstanceOf(IllegalOrderTransition.class);
    }

    @Test
    void rule_less_money_or_another_currency_does_not_pay_the_order() {
        assertThatThrownBy(() -> placed().pay(Money.of("4.99", "USD"), NOW)).isInstanceOf(PaymentMismatch.class);
        assertThatThrownBy(() -> placed().pay(Money.of("5.00", "EUR"), NOW)).isInstanceOf(PaymentMismatch.class);
    }

    @Test
    void overpayment_is_recorded() {
        Order paid = placed().pay(Money.of("6.50", "USD"), NOW);
        assertThat(paid.overpayment()).contains(Money.of("1.50", "USD"));
        assertThat(placed().pay(Money.of("5", "USD"), NOW).overpayment()).isEmpty();
    }

    @Test
    void an_order_grants_its_time_only_once_and_cannot_be_fulfilled_before() {
        Order paid = placed().pay(Money.of("5", "USD"), NOW);
        assertThatThrownBy(() -> paid.fulfil(NOW)).hasMessageContaining("never granted");
        Order granted = paid.grant(new KeyId(1), NOW);
        assertThatThrownBy(() -> granted.grant(new KeyId(1), NOW)).hasMessageContaining("already granted");
    }

    @Test
    void an_unpaid_order_cannot_be_fulfilled() {
        assertThatThrownBy(() -> placed().fulfil(NOW)).isInstanceOf(IllegalOrderTransition.class);
    }

    @Test
    void public_order_ids_follow_the_gateway_format() {
        assertThat(PublicOrderId.of(new OrderId(42), "abc").value()).isEqualTo("vpn-42-abc");
        assertThatThrownBy(() -> new PublicOrderId("has space")).hasMessageContaining("[A-Za-z0-9_-]");
        assertThatThrownBy(() -> new PublicOrderId("x".repeat(129))).hasMessageContaining("1-128");
        assertThatThrownBy(() -> new PublicOrderId("")).hasMessageContaining("1-128");
    }

    @Test
    void a_renewal_carries_its_key_from_the_start() {
        OrderId id = new OrderId(43);
        Order renewal = Order.place(id, PublicOrderId.of(id, "n"), new UserId(7), TariffMother.oneMonth(1).snapshot(),
                new OrderPurpose.Renewal(new KeyId(5)), NOW, Duration.ofHours(1));
        assertThat(renewal.keyId()).isEqualTo(new KeyId(5));
        assertThat(renewal.isRenewal()).isTrue();
    }
}
