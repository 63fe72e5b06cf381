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
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Races settled by the database: the whole application (TestShop) over the PostgreSQL
 * repositories, hit by many deliveries of one payment at once, then by racing workers.
 */
@PostgresTest
class PaymentRaceTest {
    private static final UserId BUYER = new UserId(1001);

    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private TestShop shop;
    private TestSchema schema;
    private Tariff oneMonth;
    private Server server;

    @BeforeEach
    void openShopOnPostgres(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.schema = schema;
        schema.truncateAll();
        clock.set(PostgresExtension.CLOCK_START);
        // every change of an order's status, as the database saw it
        schema.execute("""
                CREATE TABLE order_status_changes (seq bigserial, order_id bigint, old_status text, new_status text);
                CREATE FUNCTION log_order_status() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO %1$s.order_status_changes (order_id, old_status, new_status) VALUES (NEW.id, OLD.status, NEW.status);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER order_status_changed AFTER UPDATE ON orders FOR EACH ROW
                    WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION log_order_status();
                """.formatted(schema.name()));
        shop = TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(panel).gateway(gateway).notifier(notifier).starPayments(db.starPayments())
                .build();
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Frankfurt");
        shop.servers.save(server);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
    }

    @AfterEach
    void removeTrigger() {
        schema.execute("DROP TABLE order_status_changes; DROP TRIGGER order_status_changed ON orders; DROP FUNCTION log_order_status()");
    }

    @Test
    void twenty_concurrent_confirmations_of_one_payment_change_the_order_once_and_enqueue_one_job() throws Exception {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        gateway.payInFull(order.publicId());
        ConfirmPaymentCommand paid = new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(),
                PaymentStatus.PAID, order.price(), "paid", "{\"status\":\"paid\"}");

        List<Outcome> outcomes = concurrently(20, () -> shop.confirmation.confirm(paid));

        assertThat(outcomes).filteredOn(o -> o == Outcome.PAID).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_APPLIED).hasSize(19);
        assertThat(statusChanges()).isEqualTo("CREATED>AWAITING_PAYMENT,AWAITING_PAYMENT>PAID");
        assertThat(schema.queryLong("SELECT count(*) FROM fulfilment_jobs")).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM payment_events")).isEqualTo(1);

        // two workers racing for the one job: one fulfils it, one panel client
        List<Integer> processed = concurrently(2, shop.worker::runDueJobs);

        assertThat(processed).containsExactlyInAnyOrder(1, 0);
        assertThat(panel.creations()).isEqualTo(1);
        List<VpnKey> keys = shop.keys.ofOwner(BUYER);
        assertThat(keys).singleElement().satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
        assertThat(shop.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(schema.queryLong("SELECT count(*) FROM fulfilment_jobs")).isZero();
        assertThat(statusChanges()).isEqualTo("CREATED>AWAITING_PAYMENT,AWAITING_PAYMENT>PAID,PAID>FULFILLED");
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void a_confirmation_repeated_after_fulfilment_changes_nothing() throws Exception {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        gateway.payInFull(order.publicId());
        ConfirmPaymentCommand paid = new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(),
                PaymentStatus.PAID, order.price(), "paid", "{}");
        assertThat(shop.confirmation.confirm(paid)).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();

        List<Outcome> again = concurrently(5, () -> shop.confirmation.confirm(paid));

        assertThat(again).containsOnly(Outcome.ALREADY_APPLIED);
        assertThat(shop.worker.runDueJobs()).isZero();
        assertThat(panel.writes()).isEqualTo(1);
        assertThat(statusChanges()).isEqualTo("CREATED>AWAITING_PAYMENT,AWAITING_PAYMENT>PAID,PAID>FULFILLED");
    }

    @Test
    void twenty_concurrent_deliveries_of_one_successful_stars_payment_apply_once_and_deliver_one_key() throws Exception {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        Charge charge = new Charge(BUYER, order.publicId().value(), "XTR", order.starsPrice().orElseThrow().count(),
                "stxCharge-1", "{\"successful_payment\":{}}");

        List<Outcome> outcomes = concurrently(20, () -> shop.stars.paid(charge));

        assertThat(outcomes).filteredOn(o -> o == Outcome.PAID).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_APPLIED).hasSize(19);
        assertThat(statusChanges()).isEqualTo("CREATED>AWAITING_PAYMENT,AWAITING_PAYMENT>PAID");
        assertThat(schema.queryLong("SELECT count(*) FROM star_payments WHERE status = 'APPLIED'")).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM payment_events WHERE invoice_id = 'stxCharge-1'")).isEqualTo(1);
        assertThat(schema.queryLong("SELECT count(*) FROM fulfilment_jobs")).isEqualTo(1);
        assertThat(schema.queryString("SELECT paid_via FROM orders")).isEqualTo("STARS");

        concurrently(2, shop.worker::runDueJobs);
        assertThat(shop.keys.ofOwner(BUYER)).singleElement().satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
        assertThat(panel.creations()).isEqualTo(1);
    }

    @Test
    void a_refund_after_a_renewal_reported_twenty_times_at_once_shortens_only_that_renewal_once() throws Exception {
        Order first = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        assertThat(shop.stars.paid(new Charge(BUYER, first.publicId().value(), "XTR", 250, "first", "{}"))).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();
        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        assertThat(shop.stars.paid(new Charge(BUYER, renewal.publicId().value(), "XTR", 250, "renewal", "{}"))).isEqualTo(Outcome.PAID);
        shop.worker.runDueJobs();

        Charge refunded = new Charge(BUYER, renewal.publicId().value(), "XTR", 250, "renewal", "{}");
        List<Outcome> outcomes = concurrently(20, () -> shop.stars.refunded(refunded));

        assertThat(outcomes).filteredOn(o -> o == Outcome.NOT_PAID).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_APPLIED).hasSize(19);
        VpnKey after = shop.keys.find(key.id()).orElseThrow();
        assertThat(after.expiresAt()).isEqualTo(key.expiresAt());
        assertThat(panel.client(server.id(), key.client().email()).orElseThrow().expiresAt()).isEqualTo(key.expiresAt());
        assertThat(schema.queryString("SELECT string_agg(charge_id || ':' || status || ':' || panel_pending, ',' ORDER BY charge_id) FROM star_payments"))
                .isEqualTo("first:APPLIED:false,renewal:REFUNDED:false");
        assertThat(notifier.sentOfKind("stars:REFUNDED")).hasSize(1);
    }

    /** Every status change the database saw, in order. */
    private String statusChanges() {
        return schema.queryString("SELECT string_agg(old_status || '>' || new_status, ',' ORDER BY seq) FROM order_status_changes");
    }

    private static <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call) throws Exception {
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
