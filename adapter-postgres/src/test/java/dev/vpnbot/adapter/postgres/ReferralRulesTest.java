package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresExtension;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.model.statistics.GrowthFigures;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase.FollowLinkCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.application.port.out.growth.ChannelMembership;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.service.growth.GrowthSettings;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.trial.TrialPolicy;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referral programme's rules over PostgreSQL: rewards follow the first paid order once, self-referral, existing users and loops earn nothing, refunds take rewards back; the figures. */
@PostgresTest
class ReferralRulesTest extends GrowthRulesBase {
    @Test
    void referral_reward_follows_the_invited_users_first_paid_order_once() {
        register(ANNA, "anna");
        Order annas = payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        shop.worker.runDueJobs();
        Instant before = shop.keys.ofOwner(ANNA).get(0).expiresAt();
        register(BORIS, "boris");
        assertThat(follow(BORIS, ANNA, true)).isTrue();

        assertThat(shop.referralRewards.run()).isZero(); // nothing paid yet
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));
        assertThat(shop.referralRewards.run()).isEqualTo(1);
        shop.worker.runDueJobs();
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));
        assertThat(shop.referralRewards.run()).isZero(); // a second order earns nothing more
        shop.worker.runDueJobs();

        assertThat(shop.keys.ofOwner(ANNA).get(0).expiresAt()).isEqualTo(before.plus(Duration.ofDays(7)));
        assertThat(shop.referralLinks.invitations(ANNA)).satisfies(i -> {
            assertThat(i.invited()).isEqualTo(1);
            assertThat(i.rewarded()).isEqualTo(1);
            assertThat(i.daysEarned()).isEqualTo(7);
            assertThat(i.link()).matches("https://t\\.me/vpn_test_bot\\?start=ref_[A-Za-z0-9]{8}");
        });
        assertThat(annas.id()).isNotNull();
    }

    @Test
    void referral_days_go_to_the_key_the_referrer_chose_and_to_the_most_recent_by_default() {
        register(ANNA, "anna");
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        shop.worker.runDueJobs();
        List<VpnKey> annas = shop.keys.ofOwner(ANNA).stream().sorted(java.util.Comparator.comparingLong(k -> k.id().value())).toList();
        VpnKey older = annas.get(0);
        VpnKey newer = annas.get(1);
        assertThat(shop.referralLinks.rewardKeys(ANNA)).filteredOn(k -> k.chosen()).singleElement()
                .satisfies(k -> assertThat(k.key()).isEqualTo(newer.id()));
        assertThatThrownBy(() -> shop.referralLinks.chooseRewardKey(BORIS, older.id())).isInstanceOf(Refusal.class); // not his

        shop.referralLinks.chooseRewardKey(ANNA, older.id());
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));
        assertThat(shop.referralRewards.run()).isEqualTo(1);
        shop.worker.runDueJobs();

        assertThat(shop.keys.find(older.id()).orElseThrow().expiresAt()).isEqualTo(older.expiresAt().plus(Duration.ofDays(7)));
        assertThat(shop.keys.find(newer.id()).orElseThrow().expiresAt()).isEqualTo(newer.expiresAt());
    }

    @Test
    void referral_reward_does_not_count_as_buying_the_friends_once_per_user_tariff() {
        shop.growthAdmin.markOncePerUser(TestShop.ADMIN, oneMonth.id(), true);
        register(ANNA, "anna");
        Tariff twoMonths = TariffMother.months(2, 2, "9.00");
        shop.tariffs.save(twoMonths);
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, twoMonths.id(), paidServer.id())));
        shop.worker.runDueJobs();
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));
        assertThat(shop.referralRewards.run()).isEqualTo(1);

        assertThat(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id()))).isNotNull();
    }

    @Test
    void referral_trial_grant_and_test_payment_earn_no_reward() {
        register(ANNA, "anna");
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);

        shop.trialStart.start(BORIS);
        Order test = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id()));
        shop.testPayments.payForTest(BORIS, test.id());
        shop.worker.runDueJobs();

        assertThat(shop.referralRewards.run()).isZero();
        assertThat(schema.queryString("SELECT state FROM referrals")).isEqualTo("WAITING");
    }

    @Test
    void referral_self_referral_earns_nothing() {
        register(ANNA, "anna");
        assertThat(follow(ANNA, ANNA, true)).isFalse();
        assertThat(schema.queryLong("SELECT count(*) FROM referrals")).isZero();
    }

    @Test
    void referral_a_user_who_existed_before_following_the_link_earns_nothing() {
        register(ANNA, "anna");
        register(BORIS, "boris");
        assertThat(follow(BORIS, ANNA, false)).isFalse();
        assertThat(schema.queryLong("SELECT count(*) FROM referrals")).isZero();
    }

    @Test
    void referral_loop_rewards_at_most_the_first() {
        register(ANNA, "anna");
        register(BORIS, "boris");
        assertThat(follow(BORIS, ANNA, true)).isTrue();
        assertThat(follow(ANNA, BORIS, true)).isFalse(); // Boris registered after Anna: he cannot have invited her
        assertThat(schema.queryLong("SELECT count(*) FROM referrals")).isEqualTo(1);
        register(CARL, "carl");
        assertThat(follow(BORIS, CARL, true)).isFalse(); // one referrer per invited user, ever
    }

    @Test
    void referral_reward_is_reversed_when_the_first_payment_is_refunded() {
        register(ANNA, "anna");
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        shop.worker.runDueJobs();
        VpnKey annasKey = shop.keys.ofOwner(ANNA).get(0);
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        Order borisOrder = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id()));
        Charge charge = new Charge(BORIS, borisOrder.publicId().value(), "XTR", borisOrder.starsPrice().orElseThrow().count(), "ch-1", "{}");
        assertThat(shop.stars.paid(charge)).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();
        shop.referralRewards.run();
        shop.worker.runDueJobs();
        assertThat(shop.keys.find(annasKey.id()).orElseThrow().expiresAt()).isEqualTo(annasKey.expiresAt().plus(Duration.ofDays(7)));

        shop.stars.refunded(charge);
        assertThat(shop.referralRewards.run()).isEqualTo(1);

        assertThat(shop.keys.find(annasKey.id()).orElseThrow().expiresAt()).isEqualTo(annasKey.expiresAt());
        assertThat(panel.client(paidServer.id(), annasKey.client().email()).orElseThrow().expiresAt()).isEqualTo(annasKey.expiresAt());
        assertThat(schema.queryString("SELECT state FROM referrals")).isEqualTo("REVERSED");
        assertThat(shop.referralRewards.run()).isZero();
        GrowthFigures figures = shop.growthAdmin.figures(TestShop.ADMIN);
        assertThat(figures.referrals().rewardsGranted()).isEqualTo(1);
        assertThat(figures.referrals().rewardsReversed()).isEqualTo(1);
    }

    @Test
    void referral_first_payment_refunded_before_the_reward_voids_it_for_good() {
        register(ANNA, "anna");
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        register(BORIS, "boris");
        follow(BORIS, ANNA, true);
        Order borisOrder = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id()));
        Charge charge = new Charge(BORIS, borisOrder.publicId().value(), "XTR", borisOrder.starsPrice().orElseThrow().count(), "ch-2", "{}");
        shop.stars.paid(charge);
        shop.worker.runDueJobs();
        shop.stars.refunded(charge);

        shop.referralRewards.run();
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));

        assertThat(shop.referralRewards.run()).isZero();
        assertThat(schema.queryString("SELECT state FROM referrals")).isEqualTo("VOID");
    }

    @Test
    void statistics_count_trials_conversion_referral_revenue_and_rewards() {
        register(ANNA, "anna");
        shop.trialStart.start(ANNA);
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        shop.worker.runDueJobs();
        register(BORIS, "boris");
        shop.trialStart.start(BORIS);
        follow(BORIS, ANNA, true);
        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, oneMonth.id(), paidServer.id())));
        shop.referralRewards.run();

        GrowthFigures figures = shop.growthAdmin.figures(TestShop.ADMIN);

        assertThat(figures.trialsStarted()).isEqualTo(2);
        assertThat(figures.trialsConverted()).isEqualTo(2);
        assertThat(figures.conversionPercent()).isEqualTo(100);
        assertThat(figures.referrals().invited()).isEqualTo(1);
        assertThat(figures.referrals().paidOrders()).isEqualTo(1);
        assertThat(figures.referrals().cryptoTotals()).containsExactly(oneMonth.price());
        assertThat(figures.referrals().rewardsGranted()).isEqualTo(1);
        assertThat(figures.referrals().rewardsReversed()).isZero();
    }

}
