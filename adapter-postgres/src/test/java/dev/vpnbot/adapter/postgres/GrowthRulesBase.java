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

/** The whole application over PostgreSQL with the free trial and referrals on (docs/GROWTH.md): what their rule tests share. */
abstract class GrowthRulesBase {
    static final TrialPolicy TRIAL = new TrialPolicy(true, false, Duration.ZERO, null, 3, 2, 5_000_000_000L);
    static final UserId ANNA = new UserId(2001);
    static final UserId BORIS = new UserId(2002);
    static final UserId CARL = new UserId(2003);

    final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    final RecordingNotifier notifier = new RecordingNotifier();
    final List<NewPanelClient> clientsSent = new CopyOnWriteArrayList<>();
    PostgresPersistence db;
    TestSchema schema;
    MutableClock clock;
    TestShop shop;
    Tariff oneMonth;
    Server paidServer;
    Server trialServer;

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

    TestShop shop(TrialPolicy trial, ChannelMembership channels) {
        return TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(panel).gateway(gateway).notifier(notifier).starPayments(db.starPayments())
                .growthStores(db.trials(), db.referrals(), db.growthFlags())
                .growth(new GrowthSettings(trial, new ReferralReward.ExtraDays(7), "vpn_test_bot"), channels)
                .build();
    }

    void register(UserId id, String username) {
        shop.registration.register(new RegisterUserCommand(id, "User" + id.telegramId(), username, "en"));
        clock.advance(Duration.ofMinutes(1));
    }

    boolean follow(UserId invited, UserId referrer, boolean newcomer) {
        String link = shop.referralLinks.invitations(referrer).link();
        return shop.referralLinks.followLink(new FollowLinkCommand(invited, link.substring(link.indexOf("start=") + 6), newcomer));
    }

    Order payInCrypto(Order order) {
        gateway.payInFull(order.publicId());
        Outcome outcome = shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(),
                PaymentStatus.PAID, order.price(), "paid", "{\"status\":\"paid\"}"));
        assertThat(outcome).isEqualTo(Outcome.PAID);
        clock.advance(Duration.ofSeconds(1));
        return shop.orders.find(order.id()).orElseThrow();
    }

    static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
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
