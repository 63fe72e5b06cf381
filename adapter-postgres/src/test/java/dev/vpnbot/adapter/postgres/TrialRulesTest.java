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

/** The free trial's rules over PostgreSQL: one per account ever (also two devices at once), the gates, trial servers and limits, reminders, once-per-user tariffs. */
@PostgresTest
class TrialRulesTest extends GrowthRulesBase {
    @Test
    void trial_key_goes_to_a_trial_server_with_the_trials_duration_and_limits() {
        register(ANNA, "anna");

        Order order = shop.trialStart.start(ANNA);
        shop.worker.runDueJobs();

        VpnKey key = shop.keys.ofOwner(ANNA).get(0);
        assertThat(key.serverId()).isEqualTo(trialServer.id());
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(key.expiresAt()).isEqualTo(order.paidAt().plus(Duration.ofDays(3)));
        assertThat(clientsSent).singleElement().satisfies(c -> {
            assertThat(c.limitIp()).isEqualTo(2);
            assertThat(c.totalBytes()).isEqualTo(5_000_000_000L);
        });
        assertThat(shop.trialStart.offered(ANNA)).isFalse();
        assertThat(shop.orders.find(order.id()).orElseThrow().paidVia().bringsRevenue()).isFalse();
    }

    @Test
    void one_trial_per_account_ever_even_after_the_key_is_gone_and_the_chat_deleted() {
        register(ANNA, "anna");
        shop.trialStart.start(ANNA);
        shop.worker.runDueJobs();
        VpnKey key = shop.keys.ofOwner(ANNA).get(0);
        shop.keys.save(key.withStatus(KeyStatus.DELETED));
        db.users().save(db.users().find(ANNA).orElseThrow().withBlocked(true)); // the chat deleted: the bot is blocked
        register(ANNA, "anna"); // and opened again

        assertThatThrownBy(() -> shop.trialStart.start(ANNA)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRIAL_ALREADY_USED));
        assertThat(schema.queryLong("SELECT count(*) FROM trials")).isEqualTo(1);
    }

    @Test
    void two_trial_requests_at_once_from_two_devices_give_one_trial() throws Exception {
        register(ANNA, "anna");

        List<String> outcomes = concurrently(8, () -> {
            try {
                shop.trialStart.start(ANNA);
                return "trial";
            } catch (Refusal r) {
                return r.reason().name();
            }
        });

        assertThat(outcomes).filteredOn("trial"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(Refusal.Reason.TRIAL_ALREADY_USED.name()::equals).hasSize(7);
        assertThat(schema.queryLong("SELECT count(*) FROM trials")).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM orders WHERE user_id = 2001")).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM fulfilment_jobs")).isEqualTo(1);
    }

    @Test
    void trial_gate_username_is_required_when_the_operator_asks() {
        shop = shop(new TrialPolicy(true, true, Duration.ZERO, null, 3, 2, 0), null);
        register(ANNA, null);

        assertThatThrownBy(() -> shop.trialStart.start(ANNA)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRIAL_NEEDS_USERNAME));
        assertThat(schema.queryLong("SELECT count(*) FROM trials")).isZero();
    }

    @Test
    void trial_gate_account_first_seen_too_recently_is_refused_until_old_enough() {
        shop = shop(new TrialPolicy(true, false, Duration.ofMinutes(30), null, 3, 2, 0), null);
        register(ANNA, "anna");

        assertThatThrownBy(() -> shop.trialStart.start(ANNA)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRIAL_ACCOUNT_TOO_NEW));
        clock.advance(Duration.ofMinutes(30));
        assertThat(shop.trialStart.start(ANNA)).isNotNull();
    }

    @Test
    void trial_gate_channel_membership_applies_to_the_trial_only_never_to_buying_or_renewing() {
        List<UserId> members = new CopyOnWriteArrayList<>();
        shop = shop(new TrialPolicy(true, false, Duration.ZERO, "@vpn_news", 3, 2, 0), (channel, user) -> members.contains(user));
        register(ANNA, "anna");

        assertThatThrownBy(() -> shop.trialStart.start(ANNA)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRIAL_NEEDS_CHANNEL));
        Order bought = payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, oneMonth.id(), paidServer.id())));
        assertThat(bought.status().isPaid()).isTrue();
        shop.worker.runDueJobs();
        VpnKey key = shop.keys.ofOwner(ANNA).get(0);
        assertThat(payInCrypto(shop.placement.placeRenewal(new PlaceRenewalCommand(ANNA, key.id(), oneMonth.id()))).status().isPaid()).isTrue();

        members.add(ANNA);
        assertThat(shop.trialStart.start(ANNA)).isNotNull();
    }

    @Test
    void trial_switched_off_is_neither_offered_nor_given() {
        shop = shop(TrialPolicy.off(), null);
        register(ANNA, "anna");

        assertThat(shop.trialStart.offered(ANNA)).isFalse();
        assertThatThrownBy(() -> shop.trialStart.start(ANNA)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRIAL_UNAVAILABLE));
    }

    @Test
    void trial_without_a_server_marked_for_trials_is_refused_and_not_used_up() {
        shop.growthAdmin.markTrialServer(TestShop.ADMIN, trialServer.id(), false);
        register(ANNA, "anna");

        assertThatThrownBy(() -> shop.trialStart.start(ANNA)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NO_SERVER_AVAILABLE));
        assertThat(shop.trialStart.offered(ANNA)).isTrue();
    }

    @Test
    void trial_key_is_not_renewed_the_user_buys_a_key_instead() {
        register(ANNA, "anna");
        shop.trialStart.start(ANNA);
        shop.worker.runDueJobs();
        VpnKey trialKey = shop.keys.ofOwner(ANNA).get(0);

        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(ANNA, trialKey.id(), oneMonth.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRIAL_KEY_NOT_RENEWABLE));
    }

    @Test
    void trial_reminders_go_a_day_before_and_at_the_end_never_three_days_before() {
        register(ANNA, "anna");
        shop.trialStart.start(ANNA);
        shop.worker.runDueJobs();

        shop.reminders.sendDueReminders(); // 3 days left: the 3-day reminder is not a trial's
        assertThat(notifier.sent()).filteredOn(s -> s.kind().contains("eminder")).isEmpty();
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        shop.reminders.sendDueReminders();
        clock.advance(Duration.ofDays(1));
        shop.reminders.sendDueReminders();

        assertThat(notifier.sent()).filteredOn(s -> s.kind().contains("eminder")).extracting(RecordingNotifier.Sent::kind)
                .containsExactly("trialReminder:ONE_DAY_BEFORE", "trialReminder:EXPIRED");
    }

    @Test
    void once_per_user_tariff_is_sold_once_and_refused_clearly_the_second_time() {
        Tariff micro = TariffMother.months(5, 1, "1.00");
        shop.tariffs.save(micro);
        shop.growthAdmin.markOncePerUser(TestShop.ADMIN, micro.id(), true);
        register(ANNA, "anna");

        payInCrypto(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, micro.id(), paidServer.id())));

        assertThatThrownBy(() -> shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(ANNA, micro.id(), paidServer.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TARIFF_ONCE_PER_USER));
        register(BORIS, "boris");
        assertThat(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BORIS, micro.id(), paidServer.id()))).isNotNull();
    }

}
