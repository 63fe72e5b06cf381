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

/** The trial's and the referral programme's rules, the whole application over PostgreSQL (docs/GROWTH.md). */
@PostgresTest
class GrowthRulesTest {
    private static final TrialPolicy TRIAL = new TrialPolicy(true, false, Duration.ZERO, null, 3, 2, 5_000_000_000L);
    private static final UserId ANNA = new UserId(2001);
    private static final UserId BORIS = new UserId(2002);
    private static final UserId CARL = new UserId(2003);

    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<NewPanelClient> clientsSent = new CopyOnWriteArrayList<>();
    private PostgresPersistence db;
    private TestSchema schema;
    private MutableClock clock;
    private TestShop shop;
    private Tariff oneMonth;
    private Server paidServer;
    private Server trialServer;

    @BeforeEach
    void openShop(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.db = db;
        this.schema = schema;
        this.clock = clock;
        schema.truncateAll();
        clock.set(PostgresExtension.CLOCK_START);
        panel.duringRepair(clientsSent::add);
        shop = shop(TRIAL, null);
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        paidServer = ServerMother.server(1, "Frankfurt");
        trialServer = ServerMother.server(2, "Trial");
        shop.servers.save(paidServer);
        shop.servers.save(trialServer);
        shop.growthAdmin.markTrialServer(TestShop.ADMIN, trialServer.id(), true);
    }

    private TestShop shop(TrialPolicy trial, ChannelMembership channels) {
        return TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(panel).gateway(gateway).notifier(notifier).starPayments(db.starPayments())
                .growthStores(db.trials(), db.referrals(), db.growthFlags())
                .growth(new GrowthSettings(trial, new ReferralReward.ExtraDays(7), "vpn_test_bot"), channels)
                .build();
    }

    private void register(UserId id, String username) {
        shop.registration.register(new RegisterUserCommand(id, "User" + id.telegramId(), username, "en"));
        clock.advance(Duration.ofMinutes(1));
    }

    // ---- trial ----

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

    // ---- referral ----

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

    private boolean follow(UserId invited, UserId referrer, boolean newcomer) {
        String link = shop.referralLinks.invitations(referrer).link();
        return shop.referralLinks.followLink(new FollowLinkCommand(invited, link.substring(link.indexOf("start=") + 6), newcomer));
    }

    private Order payInCrypto(Order order) {
        gateway.payInFull(order.publicId());
        Outcome outcome = shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(),
                PaymentStatus.PAID, order.price(), "paid", "{\"status\":\"paid\"}"));
        assertThat(outcome).isEqualTo(Outcome.PAID);
        clock.advance(Duration.ofSeconds(1));
        return shop.orders.find(order.id()).orElseThrow();
    }

    private static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    @SuppressWarnings("unused")
    private static Money money(String amount) {
        return Money.of(amount, "USD");
    }
}
