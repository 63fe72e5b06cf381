package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.fixtures.InMemoryPromoCodes;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.codes.PromoSpec;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase.ApplyCodeCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.codes.PromoAdministration;
import dev.vpnbot.application.service.codes.PromoPricing;
import dev.vpnbot.application.service.codes.PromoRedemption;
import dev.vpnbot.application.service.codes.PromoSettings;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.tariff.Tariff;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promo codes at checkout and from start links, over in-memory adapters: each rule has a test. */
class PromoCodeScenariosTest extends ShopScenario {
    private InMemoryPromoCodes codes;
    private PromoRedemption redeem;
    private PromoAdministration admin;
    private Tariff threeMonths;

    @BeforeEach
    void withCodes() {
        codes = new InMemoryPromoCodes(shop.orders);
        shop.placement.pricedBy(new PromoPricing(codes, shop.orders, shop.confirmation, clock, PromoSettings.defaults()));
        redeem = new PromoRedemption(codes, shop.orders, shop.placement, shop.cancellation, shop.transactions, clock);
        admin = new PromoAdministration(new Admins(Set.of(TestShop.ADMIN)), codes, shop.tariffs, shop.transactions, clock);
        threeMonths = TariffMother.months(2, 3, "12.00");
        shop.tariffs.save(threeMonths);
    }

    private PromoCode create(String words) {
        return admin.create(TestShop.ADMIN, PromoSpec.parse(words));
    }

    private void gatewaySaysPaid(Order order) {
        gateway.payInFull(order.publicId());
        shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(), PaymentStatus.PAID,
                order.price(), "paid", "{}"));
    }

    @Test
    void a_percent_code_at_checkout_places_the_order_again_at_the_discounted_price_and_the_invoice_asks_for_it() {
        create("SUMMER percent=20");
        Order first = buyOnServerX();

        Order second = redeem.applyToOrder(new ApplyCodeCommand(BUYER, first.id(), "summer"));

        Money listed = oneMonth.price();
        Money expected = listed.minus(new Money(listed.amount().multiply(new java.math.BigDecimal("0.20"))
                .setScale(2, java.math.RoundingMode.DOWN), listed.currency()));
        assertThat(second.price()).isEqualTo(expected);
        assertThat(second.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(gateway.invoiceOf(second.publicId())).isEqualTo(second.invoice());
        assertThat(shop.orders.find(first.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(redeem.discountOf(BUYER, second.id())).hasValueSatisfying(r -> {
            assertThat(r.listPrice()).isEqualTo(listed);
            assertThat(r.off()).isEqualTo(listed.minus(expected));
        });

        gatewaySaysPaid(second);
        CodeFigures figures = admin.list(TestShop.ADMIN).get(0);
        assertThat(figures.paidUses()).isEqualTo(1);
        assertThat(figures.discountGiven()).containsExactly(listed.minus(expected));
    }

    @Test
    void a_free_key_code_completes_without_an_invoice_through_the_exactly_once_path() {
        create("GIFTME free=1");

        Order free = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id(), "giftme"));

        assertThat(free.status()).isEqualTo(OrderStatus.PAID);
        assertThat(free.invoice()).isNull();
        assertThat(free.paidVia()).isEqualTo(PaymentMethod.GRANT);
        assertThatThrownBy(() -> gateway.invoiceOf(free.publicId())).hasMessageContaining("no invoice");
        assertThat(shop.worker.runDueJobs()).isEqualTo(1);
        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(shop.keys.ofOwner(BUYER)).singleElement().extracting(VpnKey::expiresAt)
                .isEqualTo(START.plus(Duration.ofDays(30)));
    }

    @Test
    void extra_days_lengthen_the_key_at_the_same_price() {
        create("LONGER days=7");
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id(), "LONGER"));
        assertThat(order.price()).isEqualTo(oneMonth.price());
        gatewaySaysPaid(order);
        shop.worker.runDueJobs();
        assertThat(shop.keys.ofOwner(BUYER)).singleElement().extracting(VpnKey::expiresAt).isEqualTo(START.plus(Duration.ofDays(37)));
    }

    @Test
    void expired_disabled_wrong_tariff_exhausted_and_unknown_codes_are_refused_and_the_order_is_unchanged() {
        create("OLD percent=10 expires=2026-02-01");
        create("OFF percent=10");
        admin.disable(TestShop.ADMIN, "off");
        create("LONGONLY percent=10 tariffs=2");
        create("ONCE percent=10 uses=1");
        shop.registration.register(new dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand(
                new dev.vpnbot.domain.user.UserId(1002), "Olga", "olga", "en"));
        shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(new dev.vpnbot.domain.user.UserId(1002), oneMonth.id(), serverX.id(), "ONCE"));
        Order order = buyOnServerX();

        assertRefused(order, "OLD", Refusal.Reason.CODE_EXPIRED);
        assertRefused(order, "OFF", Refusal.Reason.CODE_DISABLED);
        assertRefused(order, "LONGONLY", Refusal.Reason.CODE_WRONG_TARIFF);
        assertRefused(order, "ONCE", Refusal.Reason.CODE_EXHAUSTED);
        assertRefused(order, "NOPE", Refusal.Reason.CODE_UNKNOWN);
        assertRefused(order, "x".repeat(5000), Refusal.Reason.CODE_UNKNOWN);
        assertThat(shop.orders.ofUser(BUYER, 10)).containsExactly(order);
    }

    private void assertRefused(Order order, String code, Refusal.Reason reason) {
        assertThatThrownBy(() -> redeem.applyToOrder(new ApplyCodeCommand(BUYER, order.id(), code)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(shop.orders.find(order.id())).contains(order);
    }

    @Test
    void one_code_per_order_and_no_stacking() {
        create("FIRST percent=10");
        create("SECOND percent=10");
        Order discounted = redeem.applyToOrder(new ApplyCodeCommand(BUYER, buyOnServerX().id(), "FIRST"));
        assertThatThrownBy(() -> redeem.applyToOrder(new ApplyCodeCommand(BUYER, discounted.id(), "SECOND")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.CODE_ALREADY_APPLIED));
    }

    @Test
    void a_code_from_a_start_link_is_used_on_the_next_order_it_fits_and_only_once() {
        create("LINK percent=50 tariffs=2");
        redeem.remember(BUYER, "link");

        Order notFitting = buyOnServerX();
        assertThat(notFitting.price()).isEqualTo(oneMonth.price());
        Order fitting = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, threeMonths.id(), serverX.id()));
        assertThat(fitting.price()).isEqualTo(Money.of("6.00", "USD"));
        Order next = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, threeMonths.id(), serverX.id()));
        assertThat(next.price()).isEqualTo(threeMonths.price());
    }

    @Test
    void new_users_only_codes_refuse_a_user_who_has_paid_before() {
        create("WELCOME percent=30 new-users");
        Order paid = buyOnServerX();
        gatewaySaysPaid(paid);
        assertRefused(buyOnServerX(), "WELCOME", Refusal.Reason.CODE_NEW_USERS_ONLY);
    }

    @Test
    void a_cancelled_order_gives_its_use_back() {
        create("SINGLE percent=10 uses=1");
        Order withCode = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id(), "SINGLE"));
        shop.cancellation.cancel(BUYER, withCode.id());
        Order again = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id(), "SINGLE"));
        assertThat(again.price()).isNotEqualTo(oneMonth.price());
    }

    @Test
    void a_batch_makes_single_use_codes_and_only_admins_manage_codes() {
        List<PromoCode> batch = admin.batch(TestShop.ADMIN, PromoSpec.parse("SPRING percent=15 expires=2026-12-31"), 25);
        assertThat(batch).hasSize(25).allSatisfy(c -> {
            assertThat(c.code()).startsWith("SPRING-");
            assertThat(c.maxUses()).isEqualTo(1);
        });
        assertThat(batch.stream().map(PromoCode::code).distinct()).hasSize(25);
        assertThatThrownBy(() -> admin.list(BUYER))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
        assertThatThrownBy(() -> create("SPRING percent=0"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
    }
}
