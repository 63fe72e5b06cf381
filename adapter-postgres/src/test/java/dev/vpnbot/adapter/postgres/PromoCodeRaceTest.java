package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.testing.PostgresExtension;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.codes.PromoSpec;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase.ApplyCodeCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.codes.PromoAdministration;
import dev.vpnbot.application.service.codes.PromoPricing;
import dev.vpnbot.application.service.codes.PromoRedemption;
import dev.vpnbot.application.service.codes.PromoSettings;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promo codes on real PostgreSQL: the last use of a code taken by many buyers at the same moment, and the stored figures. */
@PostgresTest
class PromoCodeRaceTest {
    private static final int BUYERS = 100;

    private TestShop shop;
    private TestSchema schema;
    private PromoRedemption redeem;
    private PromoAdministration admin;
    private Tariff oneMonth;
    private Server server;

    @BeforeEach
    void openShopOnPostgres(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.schema = schema;
        schema.truncateAll();
        clock.set(PostgresExtension.CLOCK_START);
        shop = TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(new SimulatedVpnPanel()).gateway(new SimulatedPaymentGateway()).notifier(new RecordingNotifier())
                .starPayments(db.starPayments())
                .build();
        shop.placement.pricedBy(new PromoPricing(db.promoCodes(), shop.orders, shop.confirmation, clock, PromoSettings.defaults()));
        redeem = new PromoRedemption(db.promoCodes(), shop.orders, shop.placement, shop.cancellation, shop.transactions, clock);
        admin = new PromoAdministration(new Admins(Set.of(TestShop.ADMIN)), db.promoCodes(), shop.tariffs, shop.transactions, clock);
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Frankfurt");
        shop.servers.save(server);
    }

    @Test
    void a_hundred_concurrent_redemptions_of_a_single_use_code_give_exactly_one_success_and_99_clear_refusals() throws Exception {
        admin.create(TestShop.ADMIN, PromoSpec.parse("LASTONE percent=50 uses=1"));
        List<Order> waiting = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            UserId buyer = new UserId(5000 + i);
            shop.registration.register(new RegisterUserCommand(buyer, "Buyer" + i, null, i % 2 == 0 ? "ru" : "en"));
            waiting.add(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(buyer, oneMonth.id(), server.id())));
        }

        List<Object> results = concurrently(waiting.stream().<Callable<Object>>map(o -> () -> {
            try {
                return redeem.applyToOrder(new ApplyCodeCommand(o.userId(), o.id(), "lastone"));
            } catch (Refusal refusal) {
                return refusal.reason();
            }
        }).toList());

        assertThat(results).filteredOn(Order.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(r -> r == Refusal.Reason.CODE_EXHAUSTED).hasSize(BUYERS - 1);
        assertThat(schema.queryLong("SELECT count(*) FROM promo_redemptions")).isEqualTo(1);
        // every refused buyer still has the order they had, untouched
        assertThat(schema.queryLong("SELECT count(*) FROM orders WHERE status = 'AWAITING_PAYMENT'")).isEqualTo(BUYERS);
        assertThat(schema.queryLong("SELECT count(*) FROM orders WHERE status = 'CANCELLED'")).isEqualTo(1);
        Order winner = (Order) results.stream().filter(Order.class::isInstance).findFirst().orElseThrow();
        assertThat(winner.price().amount()).isEqualByComparingTo(oneMonth.price().amount().divide(java.math.BigDecimal.valueOf(2),
                2, java.math.RoundingMode.UP));
    }

    @Test
    void codes_and_their_uses_are_stored_exactly_and_a_given_up_order_frees_its_use() {
        PromoCode created = admin.create(TestShop.ADMIN, PromoSpec.parse("exact amount=1.25USD uses=2 per-user=1 tariffs=1 expires=2026-12-31"));
        assertThat(admin.list(TestShop.ADMIN)).singleElement().extracting(CodeFigures::code).isEqualTo(created);
        UserId buyer = new UserId(6001);
        shop.registration.register(new RegisterUserCommand(buyer, "Ivan", null, "ru"));
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(buyer, oneMonth.id(), server.id(), "EXACT"));

        assertThat(order.price()).isEqualTo(oneMonth.price().minus(dev.vpnbot.domain.money.Money.of("1.25", "USD")));
        assertThat(schema.queryString("SELECT discount::text || ' ' || currency FROM promo_redemptions")).isEqualTo("1.25000000 USD");
        assertThat(admin.redemptions(TestShop.ADMIN, "exact")).singleElement()
                .satisfies(r -> assertThat(r.orderStatus()).isEqualTo(OrderStatus.AWAITING_PAYMENT));

        shop.cancellation.cancel(buyer, order.id());
        assertThat(admin.list(TestShop.ADMIN).get(0).uses()).isZero();
        Order again = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(buyer, oneMonth.id(), server.id(), "EXACT"));
        assertThat(again.price()).isEqualTo(order.price());
        assertThat(admin.disable(TestShop.ADMIN, "EXACT").disabled()).isTrue();
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
