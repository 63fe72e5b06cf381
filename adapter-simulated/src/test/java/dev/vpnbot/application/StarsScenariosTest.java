package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Checkout;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Decline;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telegram Stars on the one payment path: offer, pre-checkout, exactly-once payment, held money, refunds. */
class StarsScenariosTest extends ShopScenario {
    private static final UserId OTHER = new UserId(2002);

    private Charge charge(Order order, long stars, String chargeId) {
        return new Charge(BUYER, order.publicId().value(), "XTR", stars, chargeId, "{}");
    }

    private VpnKey paidInStars(Order order, String chargeId) {
        assertThat(shop.stars.paid(charge(order, 250, chargeId))).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();
        return shop.keys.ofOwner(BUYER).get(0);
    }

    @Test
    void rule_the_stars_price_is_fixed_on_the_order_when_it_is_placed() {
        Order order = buyOnServerX(); // 5.00 USD at 50 stars per USD
        shop.tariffs.save(oneMonth.withStarsPrice(Stars.price(999)));
        assertThat(shop.stars.invoice(BUYER, order.id()).stars()).isEqualTo(new Stars(250));
        assertThat(buyOnServerX().starsPrice()).contains(new Stars(999)); // new orders only
    }

    @Test
    void a_successful_payment_pays_the_order_through_the_one_path_and_delivers_one_key() {
        Order order = buyOnServerX();
        assertThat(shop.stars.preCheckout(new Checkout(BUYER, order.publicId().value(), "XTR", 250))).isEmpty();
        VpnKey key = paidInStars(order, "charge-1");
        Order paid = shop.orders.find(order.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(paid.paidVia()).isEqualTo(PaymentMethod.STARS);
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(shop.stars.paid(charge(order, 250, "charge-1"))).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(shop.keys.ofOwner(BUYER)).hasSize(1);
    }

    @Test
    void pre_checkout_declines_unknown_foreign_unpayable_orders_and_wrong_amounts() {
        Order order = buyOnServerX();
        assertThat(shop.stars.preCheckout(new Checkout(BUYER, "vpn-999-x", "XTR", 250))).contains(Decline.ORDER_NOT_FOUND);
        assertThat(shop.stars.preCheckout(new Checkout(OTHER, order.publicId().value(), "XTR", 250))).contains(Decline.ORDER_NOT_FOUND);
        assertThat(shop.stars.preCheckout(new Checkout(BUYER, order.publicId().value(), "XTR", 249))).contains(Decline.WRONG_AMOUNT);
        assertThat(shop.stars.preCheckout(new Checkout(BUYER, order.publicId().value(), "USD", 250))).contains(Decline.WRONG_AMOUNT);
        shop.cancellation.cancel(BUYER, order.id());
        assertThat(shop.stars.preCheckout(new Checkout(BUYER, order.publicId().value(), "XTR", 250))).contains(Decline.ORDER_NOT_PAYABLE);
    }

    @Test
    void bad_successful_payments_deliver_nothing_and_are_held_against_the_payer_with_an_alert() {
        Order order = buyOnServerX();
        assertThat(shop.stars.paid(new Charge(BUYER, "no-such-order", "XTR", 250, "c-none", "{}"))).isEqualTo(Outcome.HELD_FOR_ADMIN);
        assertThat(shop.stars.paid(new Charge(OTHER, order.publicId().value(), "XTR", 250, "c-other", "{}"))).isEqualTo(Outcome.HELD_FOR_ADMIN);
        assertThat(shop.stars.paid(charge(order, 100, "c-amount"))).isEqualTo(Outcome.HELD_FOR_ADMIN);
        shop.cancellation.cancel(BUYER, order.id());
        assertThat(shop.stars.paid(charge(order, 250, "c-cancelled"))).isEqualTo(Outcome.HELD_FOR_ADMIN);

        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.jobs.claimDue(START.plus(Duration.ofDays(1)), 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(shop.starPayments.ofPayer(BUYER, 10)).extracting(StarPayment::problem).containsExactlyInAnyOrder(
                StarPayment.Problem.NO_ORDER, StarPayment.Problem.WRONG_AMOUNT, StarPayment.Problem.NOT_PAYABLE);
        assertThat(shop.starPayments.ofPayer(OTHER, 10)).extracting(StarPayment::problem).containsExactly(StarPayment.Problem.NOT_YOURS);
        assertThat(notifier.alerts()).filteredOn(a -> a.kind() == AdminAlert.Kind.STARS_PAYMENT_HELD).hasSize(4);
        assertThat(notifier.sentOfKind("stars:HELD")).hasSize(4);
    }

    @Test
    void rule_a_refund_takes_back_only_the_renewal_it_paid_for() {
        VpnKey key = paidInStars(buyOnServerX(), "charge-first");
        Instant firstExpiry = key.expiresAt();
        clock.advance(Duration.ofDays(10));
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        paidInStars(renewal, "charge-renewal");
        assertThat(shop.keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(firstExpiry.plus(Duration.ofDays(30)));

        shop.starsRefunding.refund(TestShop.ADMIN, "charge-renewal");

        VpnKey after = shop.keys.find(key.id()).orElseThrow();
        assertThat(after.expiresAt()).isEqualTo(firstExpiry);
        assertThat(after.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(panel.client(serverX.id(), key.client().email()).orElseThrow().expiresAt()).isEqualTo(firstExpiry);
        assertThat(notifier.sentOfKind("stars:REFUNDED")).hasSize(1);
        assertThat(notifier.alerts()).filteredOn(a -> a.kind() == AdminAlert.Kind.STARS_REFUNDED).hasSize(1);
    }

    @Test
    void rule_a_refund_never_goes_below_now_and_disables_a_key_with_nothing_left_once_even_if_reported_twice() {
        VpnKey key = paidInStars(buyOnServerX(), "charge-1");
        clock.advance(Duration.ofDays(3));
        Charge reported = new Charge(BUYER, "", "XTR", 250, "charge-1", "{}");
        assertThat(shop.stars.refunded(reported)).isEqualTo(Outcome.NOT_PAID);
        assertThat(shop.stars.refunded(reported)).isEqualTo(Outcome.ALREADY_APPLIED);
        shop.starsRefunding.refund(TestShop.ADMIN, "charge-1"); // the admin too: nothing more

        VpnKey after = shop.keys.find(key.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(KeyStatus.DISABLED);
        assertThat(after.expiresAt()).isEqualTo(clock.instant());
        assertThat(panel.client(serverX.id(), key.client().email()).orElseThrow().enabled()).isFalse();
        assertThat(notifier.sentOfKind("stars:REFUNDED")).hasSize(1);
    }

    @Test
    void an_admin_refund_that_telegram_refuses_takes_nothing_back() {
        shop = TestShop.inMemory(clock).panel(panel).gateway(gateway).notifier(notifier)
                .starsRefunds((payer, id) -> { throw new dev.vpnbot.application.port.out.payment.PaymentGatewayException("CHARGE_NOT_FOUND", false); })
                .build();
        shop.tariffs.save(oneMonth);
        shop.servers.save(serverX);
        shop.registration.register(new dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
        VpnKey key = paidInStars(buyOnServerX(), "charge-1");
        assertThatThrownBy(() -> shop.starsRefunding.refund(TestShop.ADMIN, "charge-1"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE));
        assertThat(shop.keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(key.expiresAt());
        assertThatThrownBy(() -> shop.starsRefunding.refund(BUYER, "charge-1"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
    }

    @Test
    void an_admin_cannot_refund_a_payment_whose_key_is_still_being_delivered() {
        Order order = buyOnServerX();
        assertThat(shop.stars.paid(charge(order, 250, "charge-1"))).isEqualTo(Outcome.PAID); // the worker has not run yet
        assertThatThrownBy(() -> shop.starsRefunding.refund(TestShop.ADMIN, "charge-1"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.ORDER_NOT_PAYABLE));
        assertThat(shop.starPayments.findForUpdate("charge-1").orElseThrow().isRefunded()).isFalse();
        shop.worker.runDueJobs();
        shop.starsRefunding.refund(TestShop.ADMIN, "charge-1");
        assertThat(shop.keys.ofOwner(BUYER).get(0).status()).isEqualTo(KeyStatus.DISABLED);
    }

    @Test
    void stars_only_for_users_who_paid_once_when_the_operator_says_so() {
        shop = TestShop.inMemory(clock).panel(panel).gateway(gateway).notifier(notifier)
                .starsSettings(new dev.vpnbot.application.service.payment.StarsSettings(true, true)).build();
        shop.tariffs.save(oneMonth);
        shop.servers.save(serverX);
        shop.registration.register(new dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
        Order first = buyOnServerX();
        assertThat(shop.stars.offered(BUYER, first.id())).isFalse();
        shop.testPayments.payForTest(BUYER, first.id()); // a test payment is no money
        Order second = buyOnServerX();
        assertThat(shop.stars.offered(BUYER, second.id())).isFalse();
        gateway.payInFull(second.publicId());
        shop.paymentCheck.check(new dev.vpnbot.application.port.in.payment.CheckPaymentUseCase.CheckPaymentCommand(BUYER, second.id()));
        assertThat(shop.stars.offered(BUYER, buyOnServerX().id())).isTrue();
    }

    @Test
    void without_a_rate_or_a_tariff_stars_price_stars_are_not_offered() {
        shop = TestShop.inMemory(clock).panel(panel).gateway(gateway).notifier(notifier).starsPerUnit(null).build();
        shop.tariffs.save(oneMonth);
        shop.servers.save(serverX);
        shop.registration.register(new dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
        Order order = buyOnServerX();
        assertThat(order.starsPrice()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> shop.stars.invoice(BUYER, order.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.STARS_NOT_OFFERED));
        assertThat(Money.of("5.00", "USD")).isEqualTo(order.price());
    }
}
