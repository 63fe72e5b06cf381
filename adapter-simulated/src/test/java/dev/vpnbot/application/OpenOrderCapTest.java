package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

/** Rule: one user holds at most {@code maxOpenOrders} orders waiting for payment (each is an invoice and a row to reconcile). */
class OpenOrderCapTest extends ShopScenario {
    private static final int ALLOWED = PurchaseSettings.defaults().maxOpenOrders();

    @Test
    void rule_an_order_beyond_the_cap_is_refused_before_any_invoice_is_made() {
        Order first = buyOnServerX();
        for (int i = 1; i < ALLOWED; i++) buyOnServerX();

        assertThatThrownBy(this::buyOnServerX).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TOO_MANY_OPEN_ORDERS));
        assertThat(shop.orders.ofUser(BUYER, 100)).hasSize(ALLOWED);

        shop.cancellation.cancel(BUYER, first.id()); // one settled: one more may be placed
        assertThat(buyOnServerX().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void rule_paid_orders_do_not_count_and_renewals_count_like_new_keys() {
        Order paid = buyOnServerX();
        shop.testPayments.payForTest(BUYER, paid.id());
        shop.worker.runDueJobs();
        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        for (int i = 1; i < ALLOWED; i++) buyOnServerX();
        shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));

        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TOO_MANY_OPEN_ORDERS));
    }
}
