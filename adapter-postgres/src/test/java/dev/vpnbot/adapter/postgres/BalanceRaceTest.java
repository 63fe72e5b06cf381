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
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.balance.RenewFromBalanceUseCase.Round;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
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

/**
 * The balance's races settled by PostgreSQL (docs/BALANCE.md): the whole application over the
 * PostgreSQL repositories, many callers at once, and the figures the issue asks for.
 */
@PostgresTest
class BalanceRaceTest {
    private static final UserId BUYER = new UserId(1001);

    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private TestShop shop;
    private TestSchema schema;
    private MutableClock clock;
    private Tariff oneMonth;
    private Server server;

    @BeforeEach
    void openShopOnPostgres(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.schema = schema;
        this.clock = clock;
        schema.truncateAll();
        clock.set(PostgresExtension.CLOCK_START);
        shop = TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .sentNotifications(db.sentNotifications())
                .balanceStores(db.balances(), db.topUps(), db.autoRenewals())
                .panel(panel).gateway(gateway).notifier(notifier).starPayments(db.starPayments())
                .build();
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Frankfurt");
        shop.servers.save(server);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void a_top_up_webhook_replayed_50_times_concurrently_credits_once() throws Exception {
        TopUp topUp = shop.balanceTopUp.topUp(BUYER, usd("10.00"));
        gateway.pay(topUp.publicId(), usd("10.00"));
        ConfirmPaymentCommand paid = new ConfirmPaymentCommand(topUp.invoice().invoiceId(), topUp.publicId(), PaymentStatus.PAID,
                usd("10.00"), "paid", "{\"status\":\"paid\"}");

        List<Outcome> outcomes = concurrently(50, () -> shop.paymentRouting.confirm(paid));

        assertThat(outcomes).filteredOn(o -> o == Outcome.PAID).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_APPLIED).hasSize(49);
        assertThat(schema.queryLong("SELECT count(*) FROM balance_entries")).isEqualTo(1);
        assertThat(schema.queryString("SELECT amount::text FROM balance_accounts")).isEqualTo("10.00000000");
        assertThat(shop.balances.accountsDisagreeingWithLedger()).isEmpty();
    }

    @Test
    void two_renewals_racing_for_the_last_funds_one_succeeds_the_other_is_refused_and_the_balance_never_goes_negative() throws Exception {
        VpnKey first = boughtKey();
        VpnKey second = boughtKey();
        shop.autoRenewal.switchOn(BUYER, first.id());
        shop.autoRenewal.switchOn(BUYER, second.id());
        shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "5.00", "enough for one renewal");
        clock.set(first.expiresAt().minus(Duration.ofDays(1)));

        List<Round> rounds = concurrently(2, shop.autoRenewal::renewDue);

        assertThat(rounds.stream().mapToInt(Round::renewed).sum()).isEqualTo(1);
        assertThat(rounds.stream().mapToInt(Round::tooShort).sum()).isGreaterThanOrEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM orders WHERE paid_via = 'BALANCE'")).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM auto_renewals")).isEqualTo(1);
        assertThat(schema.queryString("SELECT amount::text FROM balance_accounts")).isEqualTo("0.00000000");
        assertThat(schema.queryLong("SELECT count(*) FROM balance_entries WHERE balance_after < 0")).isZero();
        assertThat(shop.balances.accountsDisagreeingWithLedger()).isEmpty();
    }

    @Test
    void two_instances_renewing_one_key_renew_it_once_per_expiry() throws Exception {
        VpnKey key = boughtKey();
        shop.autoRenewal.switchOn(BUYER, key.id());
        shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "50.00", "plenty");
        clock.set(key.expiresAt().minus(Duration.ofDays(1)));

        List<Round> rounds = concurrently(8, shop.autoRenewal::renewDue);
        shop.worker.runDueJobs();

        assertThat(rounds.stream().mapToInt(Round::renewed).sum()).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM balance_entries WHERE kind = 'DEBIT'")).isEqualTo(1);
        assertThat(shop.keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
        assertThat(shop.balanceBook.balanceOf(BUYER)).isEqualTo(usd("45.00"));
    }

    @Test
    void two_orders_paid_from_the_last_funds_at_once_one_is_paid_the_other_refused() throws Exception {
        Order a = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        Order b = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "5.00", "enough for one");
        List<Order> orders = List.of(a, b);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<String> results = concurrently(2, () -> {
            try {
                return shop.balanceCheckout.payWhole(BUYER, orders.get(next.getAndIncrement()).id()).status().name();
            } catch (Refusal refusal) {
                return refusal.reason().name();
            }
        });

        assertThat(results).containsExactlyInAnyOrder("PAID", "BALANCE_TOO_LOW");
        assertThat(schema.queryString("SELECT amount::text FROM balance_accounts")).isEqualTo("0.00000000");
        assertThat(schema.queryLong("SELECT count(*) FROM fulfilment_jobs")).isEqualTo(1);
    }

    @Test
    void bad_amounts_and_a_foreign_currency_are_refused_and_nothing_is_written() {
        for (String typed : List.of("0", "-1", "0.001", "12.345", "ten")) {
            assertThatThrownBy(() -> shop.balanceTopUp.topUp(BUYER, shop.balanceBook.amount(typed))).as(typed).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, typed, "gift")).as(typed)
                    .isInstanceOf(Refusal.class);
        }
        assertThatThrownBy(() -> shop.balanceTopUp.topUp(BUYER, Money.of("5.00", "EUR"))).isInstanceOf(Refusal.class);

        assertThat(schema.queryLong("SELECT count(*) FROM top_ups")).isZero();
        assertThat(schema.queryLong("SELECT count(*) FROM balance_entries")).isZero();
        assertThat(schema.queryLong("SELECT count(*) FROM balance_accounts")).isZero();
    }

    @Test
    void the_database_itself_refuses_a_negative_balance() {
        shop.balanceAdministration.credit(TestShop.ADMIN, BUYER, "1.00", "gift");

        assertThatThrownBy(() -> schema.execute("UPDATE balance_accounts SET amount = -0.01")).hasMessageContaining("check");
        assertThatThrownBy(() -> schema.execute("""
                INSERT INTO balance_entries (user_id, currency, kind, amount, balance_after, reason, source, created_at)
                VALUES (1001, 'USD', 'DEBIT', 2, -1, 'x', 'y', now())""")).hasMessageContaining("check");
        assertThat(shop.balanceBook.balanceOf(BUYER)).isEqualTo(usd("1.00"));
    }

    private VpnKey boughtKey() {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        gateway.payAndNotify(order.publicId(), shop.paymentRouting);
        shop.worker.runDueJobs();
        Order done = shop.orders.find(order.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OrderStatus.FULFILLED);
        return shop.keys.find(done.keyId()).orElseThrow();
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
}
