package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.contract.PostgresPorts;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.FulfilmentJobs.Job;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job pick-up with {@code FOR UPDATE SKIP LOCKED}: a worker whose claim has not committed yet
 * neither blocks another worker nor shares its jobs with it.
 */
@PostgresTest
class SkipLockedTest {
    private static final Duration LEASE = Duration.ofMinutes(2);

    private Persistence ports;
    private Instant now;
    private final List<OrderId> orders = new ArrayList<>();

    @BeforeEach
    void sixDueJobs(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        ports = PostgresPorts.emptied(db, schema, clock);
        now = clock.instant();
        User buyer = UserMother.russian(42);
        ports.users().save(buyer);
        ports.servers().save(ServerMother.server(1, "Frankfurt"));
        for (int i = 0; i < 6; i++) {
            OrderId id = ports.orders().nextId();
            ports.orders().save(Order.place(id, PublicOrderId.of(id, "n" + i + "abcdef"), buyer.id(),
                    TariffMother.oneMonth(1).snapshot(), new OrderPurpose.NewKey(ServerMother.server(1, "x").id()), now, Duration.ofHours(1)));
            ports.jobs().enqueue(id, now);
            orders.add(id);
        }
    }

    @Test
    void a_second_worker_is_not_blocked_by_an_uncommitted_claim_and_gets_only_the_other_jobs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<List<Job>> first = pool.submit(() -> ports.transactions().inTransaction(() -> {
                List<Job> mine = ports.jobs().claimDue(now, 3, LEASE);
                claimed.countDown();
                Await.released("the test lets the first worker commit", Duration.ofSeconds(30), release); // hold the row locks, uncommitted
                return mine;
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            Future<List<Job>> second = pool.submit(() -> ports.transactions().inTransaction(() -> ports.jobs().claimDue(now, 10, LEASE)));
            List<Job> secondJobs = second.get(5, TimeUnit.SECONDS); // would time out if it waited for the first worker's locks
            release.countDown();
            List<Job> firstJobs = first.get(10, TimeUnit.SECONDS);

            assertThat(firstJobs).extracting(Job::orderId).containsExactlyElementsOf(orders.subList(0, 3));
            assertThat(secondJobs).extracting(Job::orderId).containsExactlyElementsOf(orders.subList(3, 6));
            assertThat(ports.jobs().claimDue(now, 10, LEASE)).isEmpty(); // all six are leased now
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void jobs_claimed_by_a_worker_that_fails_before_committing_stay_due_for_the_others() {
        assertThatThrownBy(() -> ports.transactions().run(() -> {
            assertThat(ports.jobs().claimDue(now, 10, LEASE)).hasSize(6);
            throw new IllegalStateException("worker died");
        })).hasMessage("worker died");

        assertThat(ports.jobs().claimDue(now, 10, LEASE)).extracting(Job::orderId).containsExactlyElementsOf(orders);
    }
}
