package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.InMemoryFulfilmentJobs;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The buy / pay / fulfil / renew flow over in-memory adapters. Each rule we chose has a test. */
class PurchaseScenariosTest extends ShopScenario {

    private Outcome gatewaySaysPaid(Order order) {
        gateway.payInFull(order.publicId());
        return shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID, order.price()));
    }

    private static ConfirmPaymentCommand paidNotification(Order order, PaymentStatus status, Money amount) {
        return new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(), status, amount,
                status.name().toLowerCase(), "{}");
    }

    private VpnKey onlyKey() {
        List<VpnKey> keys = shop.keys.ofOwner(BUYER);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    @Test
    void buying_a_one_month_key_stores_the_order_with_its_invoice_and_delivers_a_key_after_payment() {
        Order order = buyOnServerX();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.invoice()).isEqualTo(gateway.invoiceOf(order.publicId()));
        assertThat(order.paymentDeadline()).isEqualTo(START.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(5));
        assertThat(gatewaySaysPaid(order)).isEqualTo(Outcome.PAID);
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);

        VpnKey key = onlyKey();
        Instant expected = START.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(30));
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(key.serverId()).isEqualTo(serverX.id());
        assertThat(key.expiresAt()).isEqualTo(expected);
        assertThat(panel.client(serverX.id(), key.client().email()).orElseThrow().expiresAt()).isEqualTo(expected);
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);

        clock.advance(Duration.ofDays(6).plusHours(20));
        List<KeyOverview> mine = shop.myKeys.myKeys(BUYER);
        assertThat(mine).singleElement().satisfies(k -> {
            assertThat(k.serverName()).isEqualTo("Frankfurt");
            assertThat(k.remaining().days()).isEqualTo(23);
            assertThat(k.remaining().hours()).isEqualTo(4);
        });
    }

    @Test
    void rule_a_renewal_extends_the_key_on_its_own_server_from_its_current_expiry() {
        Order first = buyOnServerX();
        gatewaySaysPaid(first);
        shop.worker.runDueJobs();
        VpnKey key = onlyKey();

        clock.advance(Duration.ofDays(10));
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        gatewaySaysPaid(renewal);
        shop.worker.runDueJobs();

        VpnKey renewed = onlyKey();
        assertThat(renewed.expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
        assertThat(renewed.serverId()).isEqualTo(serverX.id());
        assertThat(panel.client(serverX.id(), key.client().email()).orElseThrow().expiresAt()).isEqualTo(renewed.expiresAt());
        assertThat(panel.creations()).isEqualTo(1);
        assertThat(notifier.sentOfKind("keyExtended")).hasSize(1);
    }

    @Test
    void rule_a_repeated_confirmation_changes_nothing() {
        Order order = buyOnServerX();
        gatewaySaysPaid(order);
        shop.worker.runDueJobs();
        VpnKey key = onlyKey();

        assertThat(shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID, order.price()))).isEqualTo(Outcome.ALREADY_APPLIED);
        shop.worker.runDueJobs();

        assertThat(onlyKey()).isEqualTo(key);
        assertThat(panel.writes()).isEqualTo(1);
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void rule_concurrent_confirmations_of_one_payment_enqueue_one_fulfilment() throws Exception {
        Order order = buyOnServerX();
        gateway.payInFull(order.publicId());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(pool.submit(() -> shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID, order.price()))));
        }
        List<Outcome> results = new ArrayList<>();
        for (Future<Outcome> f : outcomes) results.add(f.get());
        pool.shutdown();

        assertThat(results).filteredOn(o -> o == Outcome.PAID).hasSize(1);
        assertThat(((InMemoryFulfilmentJobs) shop.jobs).pending()).hasSize(1);
        shop.worker.runDueJobs();
        assertThat(panel.creations()).isEqualTo(1);
    }

    @Test
    void rule_a_payment_with_the_wrong_amount_is_not_fulfilled_and_the_user_and_admins_are_told() {
        Order order = buyOnServerX();
        gateway.pay(order.publicId(), Money.of("3.00", "USD"));
        Outcome outcome = shop.confirmation.confirm(paidNotification(order, PaymentStatus.WRONG_AMOUNT, Money.of("3.00", "USD")));

        assertThat(outcome).isEqualTo(Outcome.PAYMENT_TOO_LOW);
        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(shop.keys.ofOwner(BUYER)).isEmpty();
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.UNDERPAID);
        assertThat(notifier.sentOfKind("paymentTooLow")).hasSize(1);
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.PAYMENT_TOO_LOW);
    }

    @Test
    void rule_a_notification_saying_paid_is_checked_with_the_gateway_before_anything_is_delivered() {
        Order order = buyOnServerX();
        // nobody paid: the gateway still says pending
        Outcome outcome = shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID, order.price()));

        assertThat(outcome).isEqualTo(Outcome.NOT_CONFIRMED);
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(shop.worker.runDueJobs()).isZero();
    }

    @Test
    void rule_money_that_arrives_after_the_deadline_still_delivers_a_key() {
        Order order = buyOnServerX();
        clock.advance(Duration.ofHours(3));
        shop.transactions.run(() -> shop.orders.save(shop.orders.find(order.id()).orElseThrow().expire()));

        assertThat(gatewaySaysPaid(order)).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();
        assertThat(onlyKey().status()).isEqualTo(KeyStatus.ACTIVE);
    }

    @Test
    void rule_overpayment_is_recorded_and_the_key_delivered() {
        Order order = buyOnServerX();
        gateway.pay(order.publicId(), Money.of("7.00", "USD"));
        shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID_OVER, Money.of("7.00", "USD")));
        shop.worker.runDueJobs();

        Order done = shop.orders.find(order.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(done.overpayment()).contains(Money.of("2.00", "USD"));
    }

    @Test
    void rule_a_failing_panel_is_retried_with_backoff_and_admins_are_told_after_three_failures() {
        Order order = buyOnServerX();
        gatewaySaysPaid(order);
        panel.failNext(3);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(shop.worker.runDueJobs()).isEqualTo(1);
            assertThat(shop.worker.runDueJobs()).as("not due again before its backoff").isZero();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.FULFILMENT_FAILING);
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);

        assertThat(onlyKey().status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
        assertThat(panel.creations()).isEqualTo(1);
    }

    @Test
    void rule_a_client_deleted_from_the_panel_after_expiry_comes_back_with_the_same_identity_on_renewal() {
        Order first = buyOnServerX();
        gatewaySaysPaid(first);
        shop.worker.runDueJobs();
        VpnKey key = onlyKey();
        clock.advance(Duration.ofDays(40));
        panel.deleteClient(serverX, key.client());

        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        gatewaySaysPaid(renewal);
        shop.worker.runDueJobs();

        SimulatedVpnPanel.Client back = panel.client(serverX.id(), key.client().email()).orElseThrow();
        assertThat(back.id()).isEqualTo(key.client());
        assertThat(back.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void a_user_cannot_renew_somebody_elses_key() {
        Order first = buyOnServerX();
        gatewaySaysPaid(first);
        shop.worker.runDueJobs();
        UserId stranger = new UserId(2002);
        shop.registration.register(new RegisterUserCommand(stranger, "Eve", null, "en"));

        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(stranger, onlyKey().id(), oneMonth.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.KEY_NOT_FOUND));
    }

    @Test
    void a_disabled_tariff_or_a_full_server_cannot_be_bought() {
        shop.tariffs.save(oneMonth.withActive(false));
        assertThatThrownBy(this::buyOnServerX).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TARIFF_NOT_AVAILABLE));

        shop.tariffs.save(oneMonth);
        shop.servers.save(serverX.withActive(false));
        assertThatThrownBy(this::buyOnServerX).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.SERVER_NOT_AVAILABLE));
        assertThat(shop.catalogue.serversForPurchase()).isEmpty();
    }

    @Test
    void choose_for_me_puts_the_key_on_the_least_loaded_server() {
        Server empty = ServerMother.server(2, "Amsterdam");
        shop.servers.save(empty);
        Order first = buyOnServerX();
        gatewaySaysPaid(first);
        shop.worker.runDueJobs();

        Order chosen = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), null));
        assertThat(chosen.purpose()).isEqualTo(new dev.vpnbot.domain.order.OrderPurpose.NewKey(empty.id()));
    }

    @Test
    void when_the_gateway_is_down_the_order_is_kept_and_the_user_is_told_to_try_again() {
        gateway.goDown(true);
        assertThatThrownBy(this::buyOnServerX).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE));
        assertThat(shop.orders.ofUser(BUYER, 10)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CREATED));
    }

    @Test
    void a_paid_notification_the_gateway_cannot_be_asked_about_changes_nothing_and_says_why() {
        Order order = buyOnServerX();
        gateway.payInFull(order.publicId());
        gateway.goDown(true);

        assertThat(shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID, order.price())))
                .isEqualTo(Outcome.GATEWAY_UNREACHABLE);
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        gateway.goDown(false);
        assertThat(shop.confirmation.confirm(paidNotification(order, PaymentStatus.PAID, order.price()))).isEqualTo(Outcome.PAID);
    }

    @Test
    void check_payment_applies_what_the_gateway_says_when_the_webhook_never_came() {
        Order order = buyOnServerX();
        gateway.payInFull(order.publicId());

        Order checked = shop.paymentCheck.check(new dev.vpnbot.application.port.in.payment.CheckPaymentUseCase.CheckPaymentCommand(BUYER, order.id()));
        assertThat(checked.status()).isEqualTo(OrderStatus.PAID);
        shop.worker.runDueJobs();
        assertThat(onlyKey().status()).isEqualTo(KeyStatus.ACTIVE);
    }

    @Test
    void a_cancelled_order_that_is_paid_anyway_still_delivers_a_key() {
        Order order = buyOnServerX();
        assertThat(shop.cancellation.cancel(BUYER, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> shop.cancellation.cancel(BUYER, order.id())).isInstanceOf(Refusal.class);

        assertThat(gatewaySaysPaid(order)).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();
        assertThat(onlyKey().status()).isEqualTo(KeyStatus.ACTIVE);
    }

    @Test
    void nobody_can_cancel_or_check_somebody_elses_order() {
        Order order = buyOnServerX();
        UserId stranger = new UserId(3003);
        assertThatThrownBy(() -> shop.cancellation.cancel(stranger, order.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.ORDER_NOT_FOUND));
        assertThatThrownBy(() -> shop.paymentCheck.check(new dev.vpnbot.application.port.in.payment.CheckPaymentUseCase.CheckPaymentCommand(stranger, order.id())))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void rule_a_key_on_a_switched_off_server_is_still_renewed_there_but_not_on_a_retired_one() {
        Order first = buyOnServerX();
        gatewaySaysPaid(first);
        shop.worker.runDueJobs();
        VpnKey key = onlyKey();

        shop.servers.save(serverX.withActive(false));
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        gatewaySaysPaid(renewal);
        shop.worker.runDueJobs();
        assertThat(onlyKey().expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));

        shop.servers.delete(serverX.id());
        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.SERVER_NOT_AVAILABLE));
    }
}
