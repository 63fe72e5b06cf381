package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.FulfilmentJobs.Job;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code FulfilmentJobs} contract, for every implementation: one job per order, a claimed job is leased. */
public abstract class AbstractFulfilmentJobsContractTest extends PersistenceContract {
    private static final Duration LEASE = Duration.ofMinutes(2);

    private User buyer;
    private Server server;

    protected AbstractFulfilmentJobsContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @BeforeEach
    void buyerAndServer() {
        buyer = savedUser(42);
        server = savedServer("Frankfurt");
    }

    /** A paid order's id: the database only queues jobs for orders it has. */
    protected OrderId order() {
        return placedOrder(buyer, server, NOW).id();
    }

    @Test
    void due_jobs_are_claimed_as_they_fell_due_and_later_ones_are_left() {
        OrderId later = order();
        OrderId first = order();
        OrderId second = order();
        OrderId notYet = order();
        ports.jobs().enqueue(later, NOW.minusSeconds(10));
        ports.jobs().enqueue(first, NOW.minusSeconds(30));
        ports.jobs().enqueue(second, NOW.minusSeconds(20));
        ports.jobs().enqueue(notYet, NOW.plusSeconds(1));

        List<Job> claimed = ports.jobs().claimDue(NOW, 10, LEASE);

        assertThat(claimed).containsExactly(
                new Job(first, 0, NOW.minusSeconds(30), null),
                new Job(second, 0, NOW.minusSeconds(20), null),
                new Job(later, 0, NOW.minusSeconds(10), null));
    }

    @Test
    void jobs_due_at_the_same_instant_are_claimed_by_order_id() {
        OrderId a = order();
        OrderId b = order();
        ports.jobs().enqueue(b, NOW);
        ports.jobs().enqueue(a, NOW);

        assertThat(ports.jobs().claimDue(NOW, 10, LEASE)).extracting(Job::orderId).containsExactly(a, b);
    }

    @Test
    void a_claimed_job_is_hidden_until_its_lease_ends_then_due_again() {
        OrderId order = order();
        ports.jobs().enqueue(order, NOW);
        assertThat(ports.jobs().claimDue(NOW, 10, LEASE)).hasSize(1);

        assertThat(ports.jobs().claimDue(NOW.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(ports.jobs().claimDue(NOW.plus(LEASE), 10, LEASE))
                .containsExactly(new Job(order, 0, NOW.plus(LEASE), null));
    }

    @Test
    void an_order_has_at_most_one_job_and_enqueueing_again_changes_nothing() {
        OrderId order = order();
        ports.jobs().enqueue(order, NOW.minusSeconds(5));
        ports.jobs().enqueue(order, NOW.minusSeconds(60));

        assertThat(ports.jobs().claimDue(NOW, 10, LEASE)).containsExactly(new Job(order, 0, NOW.minusSeconds(5), null));
    }

    @Test
    void a_completed_job_is_gone() {
        OrderId order = order();
        ports.jobs().enqueue(order, NOW);
        ports.jobs().complete(order);
        ports.jobs().complete(order); // again: harmless

        assertThat(ports.jobs().claimDue(NOW.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void a_failed_attempt_is_retried_at_the_given_time_with_its_count_and_error() {
        OrderId order = order();
        ports.jobs().enqueue(order, NOW);
        ports.jobs().claimDue(NOW, 10, LEASE);
        Instant retryAt = NOW.plusSeconds(5);
        ports.jobs().retryLater(order, 1, retryAt, "PanelException: panel of server 1 is down");

        assertThat(ports.jobs().claimDue(retryAt.minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(ports.jobs().claimDue(retryAt, 10, LEASE))
                .containsExactly(new Job(order, 1, retryAt, "PanelException: panel of server 1 is down"));
    }

    @Test
    void a_claim_takes_at_most_the_limit() {
        for (int i = 0; i < 5; i++) ports.jobs().enqueue(order(), NOW);

        assertThat(ports.jobs().claimDue(NOW, 2, LEASE)).hasSize(2);
        assertThat(ports.jobs().claimDue(NOW, 10, LEASE)).hasSize(3);
        assertThat(ports.jobs().claimDue(NOW, 10, LEASE)).isEmpty();
    }

    @Test
    void workers_claiming_at_the_same_time_never_get_the_same_job() throws Exception {
        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            OrderId order = order();
            orders.add(order);
            ports.jobs().enqueue(order, NOW);
        }
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<OrderId> claimed = new ConcurrentLinkedQueue<>();
        List<Future<?>> runs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            runs.add(pool.submit(() -> {
                start.await();
                List<Job> batch;
                do {
                    batch = ports.transactions().inTransaction(() -> ports.jobs().claimDue(NOW, 3, LEASE));
                    batch.forEach(job -> claimed.add(job.orderId()));
                } while (!batch.isEmpty());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) run.get();
        pool.shutdown();

        List<OrderId> all = new ArrayList<>(claimed);
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(orders);
        assertThat(Collections.frequency(all, orders.get(0))).isEqualTo(1);
    }

    @Test
    void a_heartbeat_keeps_a_claimed_job_hidden_until_its_new_lease_end_and_a_finished_job_stays_gone() {
        OrderId beating = order();
        OrderId done = order();
        ports.jobs().enqueue(beating, NOW);
        ports.jobs().enqueue(done, NOW);
        ports.jobs().claimDue(NOW, 10, LEASE);
        ports.jobs().complete(done);

        ports.jobs().extendLease(beating, NOW.plus(LEASE).plusSeconds(30));
        ports.jobs().extendLease(done, NOW.plus(LEASE).plusSeconds(30));

        assertThat(ports.jobs().claimDue(NOW.plus(LEASE), 10, LEASE)).isEmpty();
        assertThat(ports.jobs().claimDue(NOW.plus(LEASE).plusSeconds(30), 10, LEASE)).extracting(Job::orderId).containsExactly(beating);
    }
}
