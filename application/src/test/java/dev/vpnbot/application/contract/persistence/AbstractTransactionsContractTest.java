package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.port.out.payment.PaymentEvent;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code Transactions} contract, for every implementation: a unit of work commits whole or
 * not at all, nested calls join it, and {@code findForUpdate} locks last until it ends.
 */
public abstract class AbstractTransactionsContractTest extends PersistenceContract {

    private User buyer;
    private Server server;

    protected AbstractTransactionsContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @BeforeEach
    void buyerAndServer() {
        buyer = savedUser(42);
        server = savedServer("Frankfurt");
    }

    private static final class Crash extends RuntimeException {
        Crash() {
            super("crash inside the unit of work");
        }
    }

    @Test
    void the_writes_of_a_unit_of_work_commit_together_and_its_result_comes_back() {
        Order order = ports.transactions().inTransaction(() -> {
            Order placed = placedOrder(buyer, server, NOW);
            ports.jobs().enqueue(placed.id(), NOW);
            ports.conversationStates().save(42, "paid");
            return placed;
        });

        assertThat(ports.orders().find(order.id())).contains(order);
        assertThat(ports.jobs().claimDue(NOW, 10, Duration.ofMinutes(1))).hasSize(1);
        assertThat(ports.conversationStates().find(42)).contains("paid");
    }

    @Test
    void a_unit_of_work_that_throws_leaves_no_trace_in_any_repository_and_the_exception_goes_on_unchanged() {
        Order before = placedOrder(buyer, server, NOW);
        Crash crash = new Crash();

        assertThatThrownBy(() -> ports.transactions().run(() -> {
            ports.users().save(buyer.withBlocked(true));
            ports.users().save(dev.vpnbot.domain.fixtures.UserMother.english(77));
            ports.orders().save(before.cancel());
            Order another = placedOrder(buyer, server, NOW);
            ports.jobs().enqueue(another.id(), NOW);
            ports.keys().save(newKey(buyer, server, NOW.plus(Duration.ofDays(30)), KeyStatus.PROVISIONING));
            ports.paymentEvents().record(new PaymentEvent("inv-1", before.publicId().value(), "paid", PaymentStatus.PAID, "{}", NOW));
            ports.sentNotifications().claim("reminder-3d", "key:1");
            ports.conversationStates().save(42, "half-way");
            ports.tariffs().save(ONE_MONTH);
            throw crash;
        })).isSameAs(crash);

        assertThat(ports.users().find(buyer.id())).contains(buyer);
        assertThat(ports.users().find(new UserId(77))).isEmpty();
        assertThat(ports.orders().find(before.id())).contains(before);
        assertThat(ports.orders().ofUser(buyer.id(), 10)).containsExactly(before);
        assertThat(ports.jobs().claimDue(NOW, 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(ports.keys().ofOwner(buyer.id())).isEmpty();
        assertThat(ports.paymentEvents().record(new PaymentEvent("inv-1", before.publicId().value(), "paid", PaymentStatus.PAID, "{}", NOW))).isTrue();
        assertThat(ports.sentNotifications().claim("reminder-3d", "key:1")).isTrue();
        assertThat(ports.conversationStates().find(42)).isEmpty();
        assertThat(ports.tariffs().find(ONE_MONTH.id())).isEmpty();
    }

    @Test
    void a_nested_unit_of_work_joins_the_outer_one_and_rolls_back_with_it() {
        Order order = placedOrder(buyer, server, NOW);

        assertThatThrownBy(() -> ports.transactions().run(() -> {
            Order cancelled = ports.transactions().inTransaction(() -> {
                Order c = ports.orders().findForUpdate(order.id()).orElseThrow().cancel();
                ports.orders().save(c);
                return c;
            });
            assertThat(ports.orders().find(order.id())).contains(cancelled); // visible inside the outer unit
            throw new Crash();
        })).isInstanceOf(Crash.class);

        assertThat(ports.orders().find(order.id())).contains(order);
    }

    @Test
    void a_row_locked_by_find_for_update_makes_a_second_unit_of_work_wait_and_then_see_the_change() throws Exception {
        Order order = placedOrder(buyer, server, NOW);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch locked = new CountDownLatch(1);
        try {
            Future<?> first = pool.submit(() -> ports.transactions().run(() -> {
                Order mine = ports.orders().findForUpdate(order.id()).orElseThrow();
                locked.countDown();
                sleep(300);
                ports.orders().save(mine.cancel());
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            Future<OrderStatus> second = pool.submit(() -> ports.transactions().inTransaction(
                    () -> ports.orders().findForUpdate(order.id()).orElseThrow().status()));

            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(OrderStatus.CANCELLED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(150));
            first.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_read_modify_writes_under_find_for_update_lose_no_update() throws Exception {
        VpnKey key = savedKey(buyer, server, NOW.plus(Duration.ofDays(1)), KeyStatus.ACTIVE);
        int renewals = 10;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < renewals; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                ports.transactions().run(() -> {
                    VpnKey current = ports.keys().findForUpdate(key.id()).orElseThrow();
                    ports.keys().save(current.withExpiry(current.expiresAt().plus(Duration.ofDays(1))));
                });
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) run.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(ports.keys().find(key.id()).orElseThrow().expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(renewals)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
