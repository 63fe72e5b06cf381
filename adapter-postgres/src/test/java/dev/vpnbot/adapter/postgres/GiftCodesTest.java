package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresExtension;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingGiftNews;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.service.gifts.GiftFulfilment;
import dev.vpnbot.application.service.gifts.GiftSettings;
import dev.vpnbot.application.service.gifts.GiftShop;
import dev.vpnbot.application.service.gifts.GiftVoiding;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gift codes on real PostgreSQL (docs/CODES.md, "Gift codes"). */
@PostgresTest
class GiftCodesTest {
    private static final UserId BUYER = new UserId(7001);
    private static final UserId FRIEND = new UserId(7002);

    private TestShop shop;
    private TestSchema schema;
    private MutableClock clock;
    private GiftShop gifts;
    private PostgresPersistence db;
    private final RecordingGiftNews news = new RecordingGiftNews();
    private Tariff oneMonth;
    private Server server;

    @BeforeEach
    void openShopOnPostgres(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.schema = schema;
        this.clock = clock;
        this.db = db;
        schema.truncateAll();
        clock.set(PostgresExtension.CLOCK_START);
        shop = TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(new SimulatedVpnPanel()).gateway(new SimulatedPaymentGateway()).notifier(new RecordingNotifier())
                .starPayments(db.starPayments())
                .build();
        shop.deliverWith(keys -> new GiftFulfilment(keys, db.gifts(), shop.orders, shop.users, news, clock, GiftSettings.defaults()));
        shop.starsRefunding.withKeylessOrders(new GiftVoiding(db.gifts(), shop.users, news));
        gifts = new GiftShop(shop.placement, shop.confirmation, db.gifts(), shop.orders, shop.users, shop.servers,
                shop.transactions, news, clock);
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Frankfurt");
        shop.servers.save(server);
        register(BUYER);
        register(FRIEND);
    }

    @Test
    void twenty_people_opening_one_gift_at_once_get_exactly_one_key_and_nineteen_clear_refusals() throws Exception {
        Gift gift = paidGift();
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UserId taker = new UserId(8000 + i);
            register(taker);
            calls.add(() -> {
                try {
                    return gifts.redeem(taker, gift.code(), server.id());
                } catch (Refusal refusal) {
                    return refusal.reason();
                }
            });
        }

        List<Object> results = concurrently(calls);
        shop.worker.runDueJobs();

        assertThat(results).filteredOn(Order.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(r -> r == Refusal.Reason.GIFT_TAKEN).hasSize(19);
        Order winner = (Order) results.stream().filter(Order.class::isInstance).findFirst().orElseThrow();
        assertThat(schema.queryLong("SELECT count(*) FROM vpn_keys")).isEqualTo(1);
        assertThat(shop.keys.ofOwner(winner.userId())).singleElement().extracting(VpnKey::status).hasToString("ACTIVE");
        assertThat(schema.queryString("SELECT status FROM gifts")).isEqualTo("REDEEMED");
        assertThat(news.kinds()).containsExactly("ready", "redeemed");
    }

    @Test
    void a_gift_is_redeemed_once_its_key_lasts_the_tariff_and_the_buyer_is_told_once() {
        Gift gift = paidGift();
        assertThat(shop.keys.ofOwner(BUYER)).as("a gift's own order makes no key").isEmpty();
        assertThat(gift.code()).matches("[a-z2-7]{20}");

        Order delivering = gifts.redeem(FRIEND, gift.code(), server.id());
        shop.worker.runDueJobs();
        register(new UserId(7003));
        assertThatThrownBy(() -> gifts.redeem(new UserId(7003), gift.code(), server.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_TAKEN));

        assertThat(delivering.price().amount()).isZero();
        VpnKey key = shop.keys.ofOwner(FRIEND).get(0);
        assertThat(key.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(oneMonth.days())));
        assertThat(gifts.mine(BUYER)).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(Gift.Status.REDEEMED);
            assertThat(g.takenBy()).isEqualTo(FRIEND);
            assertThat(g.keyOrder()).isEqualTo(delivering.id());
        });
        assertThat(news.kinds()).containsExactly("ready", "redeemed");
        assertThat(schema.queryString("SELECT paid_via FROM orders WHERE id = " + delivering.id().value())).isEqualTo("GRANT");
    }

    @Test
    void an_unopened_gift_expires_after_its_validity_and_the_buyer_takes_it_back_as_their_own_key() {
        Gift gift = paidGift();
        assertThatThrownBy(() -> gifts.reclaim(BUYER, gift.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_NOT_RECLAIMABLE));

        clock.advance(Duration.ofDays(30));
        assertThatThrownBy(() -> gifts.redeem(FRIEND, gift.code(), server.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_EXPIRED));
        assertThatThrownBy(() -> gifts.reclaim(FRIEND, gift.id())).isInstanceOf(Refusal.class);

        gifts.reclaim(BUYER, gift.id());
        shop.worker.runDueJobs();
        assertThat(shop.keys.ofOwner(BUYER)).singleElement().extracting(VpnKey::status).hasToString("ACTIVE");
        assertThat(shop.keys.ofOwner(FRIEND)).isEmpty();
        assertThatThrownBy(() -> gifts.reclaim(BUYER, gift.id())).isInstanceOf(Refusal.class);
        assertThat(schema.queryString("SELECT status FROM gifts")).isEqualTo("RECLAIMED");
    }

    @Test
    void a_refunded_stars_payment_voids_the_unopened_gift() {
        Order order = gifts.buy(BUYER, oneMonth.id());
        long stars = order.tariff().stars().count();
        shop.stars.paid(new Charge(BUYER, order.publicId().value(), "XTR", stars, "charge-gift-1", "{}"));
        shop.worker.runDueJobs();
        Gift gift = db.gifts().byOrder(order.id()).orElseThrow();
        assertThat(gift.status()).isEqualTo(Gift.Status.ISSUED);

        shop.starsRefunding.refund(TestShop.ADMIN, "charge-gift-1");

        assertThat(db.gifts().byOrder(order.id()).orElseThrow().status()).isEqualTo(Gift.Status.VOIDED);
        assertThatThrownBy(() -> gifts.redeem(FRIEND, gift.code(), server.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_NOT_FOUND));
        assertThat(news.kinds()).containsExactly("ready", "voided");
        assertThat(schema.queryLong("SELECT count(*) FROM vpn_keys")).isZero();
    }

    @Test
    void garbage_too_long_unknown_and_own_gift_codes_are_refused_and_change_nothing() {
        Gift gift = paidGift();
        for (String bad : List.of("", "x", "'; drop table gifts; --", "a".repeat(500), "ABCDEFGHIJKLMNOPQRST", "abcdefghijklmnopqrs1")) {
            assertThatThrownBy(() -> gifts.open(FRIEND, bad))
                    .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_NOT_FOUND));
        }
        String unknown = gift.code().startsWith("a") ? "b" + gift.code().substring(1) : "a" + gift.code().substring(1);
        assertThatThrownBy(() -> gifts.redeem(FRIEND, unknown, server.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_NOT_FOUND));
        assertThatThrownBy(() -> gifts.redeem(BUYER, gift.code(), server.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_OWN));
        assertThat(schema.queryString("SELECT status FROM gifts")).isEqualTo("ISSUED");
        assertThat(schema.queryLong("SELECT count(*) FROM vpn_keys")).isZero();
    }

    @Test
    void a_taking_left_unpaid_by_a_crash_is_finished_when_the_taker_opens_the_link_again() {
        Gift gift = paidGift();
        // the taking and its key order committed, then the process died before the payment entry
        Order keyOrder = shop.transactions.inTransaction(() -> {
            db.gifts().take(gift.code(), FRIEND, clock.instant()).orElseThrow();
            dev.vpnbot.domain.order.OrderId id = shop.orders.nextId();
            Order placed = Order.place(id, new dev.vpnbot.domain.order.PublicOrderId("gift-" + gift.id() + "-" + id.value()), FRIEND,
                    new dev.vpnbot.domain.tariff.TariffSnapshot(oneMonth.id(), oneMonth.days(),
                            dev.vpnbot.domain.money.Money.of("0", oneMonth.price().currencyCode())),
                    new dev.vpnbot.domain.order.OrderPurpose.NewKey(server.id()), clock.instant(), Duration.ofMinutes(1));
            shop.orders.save(placed);
            db.gifts().deliveredBy(gift.id(), id);
            return placed;
        });

        Order finished = gifts.redeem(FRIEND, gift.code(), server.id());
        assertThatThrownBy(() -> gifts.redeem(FRIEND, gift.code(), server.id()))
                .satisfies(e -> assertThat(((Refusal) e).reason()).isEqualTo(Refusal.Reason.GIFT_TAKEN));
        shop.worker.runDueJobs();

        assertThat(finished.id()).isEqualTo(keyOrder.id());
        assertThat(shop.keys.ofOwner(FRIEND)).singleElement().extracting(VpnKey::status).hasToString("ACTIVE");
        assertThat(schema.queryLong("SELECT count(*) FROM orders WHERE user_id = " + FRIEND.telegramId())).isEqualTo(1);
    }

    /** A gift bought and paid (test payment), issued by the fulfilment worker. */
    private Gift paidGift() {
        Order order = gifts.buy(BUYER, oneMonth.id());
        assertThat(db.gifts().byOrder(order.id())).get().extracting(Gift::status).isEqualTo(Gift.Status.UNPAID);
        shop.confirmation.apply(VerifiedPayment.paidInTestMode(order.publicId(), "test-" + order.id().value(), order.price()));
        shop.worker.runDueJobs();
        Gift gift = db.gifts().byOrder(order.id()).orElseThrow();
        assertThat(gift.status()).isEqualTo(Gift.Status.ISSUED);
        assertThat(gift.validUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        return gift;
    }

    private void register(UserId user) {
        shop.registration.register(new RegisterUserCommand(user, "U" + user.telegramId(), null, "en"));
    }

    private static List<Object> concurrently(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        try {
            for (Future<Object> f : futures) results.add(f.get(120, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
