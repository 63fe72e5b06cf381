package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase.ApplyCodeCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.application.service.codes.PromoPricing;
import dev.vpnbot.application.service.codes.PromoRedemption;
import dev.vpnbot.application.service.codes.PromoSettings;
import dev.vpnbot.application.service.growth.GrowthSettings;
import dev.vpnbot.application.service.growth.ReferralRewards;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.referral.ReferralReward;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The discount kind of referral reward over PostgreSQL: a personal single-use code, once per invited user, taken back on refund while unused. */
@PostgresTest
class ReferralDiscountTest extends GrowthRulesBase {
    private ReferralRewards rewards;
    private PromoRedemption redeem;
    private final List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void discountReward() {
        shop = TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(panel).gateway(gateway).notifier(notifier).starPayments(db.starPayments())
                .growthStores(db.trials(), db.referrals(), db.growthFlags())
                .growth(new GrowthSettings(TRIAL, new ReferralReward.Discount(10, null), "vpn_test_bot"), null)
                .build();
        shop.placement.pricedBy(new PromoPricing(db.promoCodes(), shop.orders, shop.confirmation, clock, PromoSettings.defaults()));
        redeem = new PromoRedemption(db.promoCodes(), shop.orders, shop.placement, shop.cancellation, shop.transactions, clock);
        rewards = new ReferralRewards(db.referrals(), shop.orders, shop.keys, shop.servers, panel, db.trials(), db.fulfilmentJobs(),
                order -> { }, shop.transactions, clock, growth(), db.promoCodes(), db.users(),
                (to, code, percent) -> told.add(to.user() + " " + code + " " + percent));
    }

    private static GrowthSettings growth() {
        return new GrowthSettings(TRIAL, new ReferralReward.Discount(10, null), "vpn_test_bot");
    }

    @Test
    void referral_discount_code_is_issued_once_and_only_the_referrer_can_use_it() {
        register(ANNA, "anna");
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        assertThat(rewards.run()).isZero(); // nothing paid yet
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));

        assertThat(rewards.run()).isEqualTo(1); // Anna has no key: a discount needs none
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));
        assertThat(rewards.run()).isZero(); // a second order earns nothing more

        List<String> codes = shop.referralLinks.invitations(ANNA).rewardCodes();
        assertThat(codes).hasSize(1).allMatch(c -> c.matches("REF-[A-Z2-9]{8}"));
        assertThat(shop.referralLinks.invitations(ANNA).rewardPercent()).isEqualTo(10);
        assertThat(schema.queryLong("SELECT count(*) FROM promo_codes")).isEqualTo(1);
        assertThat(told).containsExactly(ANNA + " " + codes.get(0) + " 10"); // told once
        assertThat(schema.queryLong("SELECT owner_id FROM promo_codes WHERE max_uses = 1 AND max_uses_per_user = 1 AND percent = 10"))
                .isEqualTo(ANNA.telegramId());

        // somebody else typing it is told there is no such code, and keeps their order as it was
        Order boris = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id()));
        assertThatThrownBy(() -> redeem.applyToOrder(new ApplyCodeCommand(BORIS, boris.id(), codes.get(0))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.CODE_UNKNOWN));
        assertThat(shop.orders.find(boris.id()).orElseThrow().price()).isEqualTo(oneMonth.price());

        // the referrer's next order carries it by itself, once
        Order annas = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id()));
        assertThat(annas.price()).isEqualTo(Money.of(oneMonth.price().amount().multiply(new BigDecimal("0.9")), oneMonth.price().currencyCode()));
        Order again = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id()));
        assertThat(again.price()).isEqualTo(oneMonth.price());
    }

    @Test
    void referral_discount_code_unused_is_disabled_when_the_first_payment_is_refunded() {
        register(ANNA, "anna");
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        Charge charge = payInStars(BORIS, "ch-d1");
        assertThat(rewards.run()).isEqualTo(1);
        String code = shop.referralLinks.invitations(ANNA).rewardCodes().get(0);

        shop.stars.refunded(charge);
        assertThat(rewards.run()).isEqualTo(1);

        assertThat(schema.queryString("SELECT disabled::text FROM promo_codes WHERE code = '" + code + "'")).isEqualTo("true");
        assertThat(schema.queryString("SELECT state FROM referrals")).isEqualTo("REVERSED");
        assertThat(shop.referralLinks.invitations(ANNA).rewardCodes()).isEmpty();
        assertThat(rewards.run()).isZero();
        // nor does the next order of the referrer carry it
        Order annas = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id()));
        assertThat(annas.price()).isEqualTo(oneMonth.price());
    }

    @Test
    void referral_discount_code_already_used_stays_when_the_first_payment_is_refunded() {
        register(ANNA, "anna");
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        Charge charge = payInStars(BORIS, "ch-d2");
        rewards.run();
        Order annas = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id()));
        assertThat(annas.price()).isNotEqualTo(oneMonth.price());

        shop.stars.refunded(charge);
        assertThat(rewards.run()).isEqualTo(1);

        assertThat(schema.queryString("SELECT disabled::text FROM promo_codes")).isEqualTo("false");
        assertThat(schema.queryString("SELECT state FROM referrals")).isEqualTo("REVERSED");
        assertThat(shop.orders.find(annas.id()).orElseThrow().price()).isEqualTo(annas.price());
    }

    private Charge payInStars(dev.vpnbot.domain.user.UserId user, String chargeId) {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(user, oneMonth.id(), paidServer.id()));
        Charge charge = new Charge(user, order.publicId().value(), "XTR", order.starsPrice().orElseThrow().count(), chargeId, "{}");
        assertThat(shop.stars.paid(charge)).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();
        return charge;
    }
}
