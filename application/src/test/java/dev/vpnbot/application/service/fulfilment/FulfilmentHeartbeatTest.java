package dev.vpnbot.application.service.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.fixtures.InMemoryFulfilmentJobs;
import dev.vpnbot.application.fixtures.InMemoryTransactions;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.out.FulfilmentJobs.Job;
import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule: a job's short lease is renewed while its attempt runs, and the renewals end with the attempt. */
class FulfilmentHeartbeatTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMillis(300); // a heartbeat every 100 ms of real time
    private static final OrderId ORDER = new OrderId(7);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryFulfilmentJobs jobs = new InMemoryFulfilmentJobs();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch panelAnswers = new CountDownLatch(1);

    @AfterEach
    void stop() {
        panelAnswers.countDown();
        heartbeats.shutdownNow();
    }

    private FulfilmentWorker worker() {
        FulfilOrderUseCase slowPanel = orderId -> {
            Await.released("the test lets the panel answer", WAIT, panelAnswers);
            return FulfilOrderUseCase.Result.FULFILLED;
        };
        return new FulfilmentWorker(jobs, slowPanel, new RecordingNotifier(), new InMemoryTransactions(), clock,
                new FulfilmentWorker.Settings(5, LEASE, Duration.ofSeconds(5), Duration.ofMinutes(10), 3), heartbeats);
    }

    private Instant leaseEnd() {
        return jobs.pending().stream().map(Job::nextAttemptAt).findFirst().orElseThrow();
    }

    @Test
    void the_lease_moves_with_the_clock_while_the_panel_is_slow_and_the_job_is_gone_once_done() throws Exception {
        jobs.enqueue(ORDER, NOW);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> worker().runDueJobs());
        Await.until("the job claimed", WAIT, () -> leaseEnd().equals(NOW.plus(LEASE)));

        clock.advance(Duration.ofMinutes(5)); // far beyond the first lease: only heartbeats keep the job ours
        Await.until("a heartbeat renewed the lease", WAIT, () -> leaseEnd().equals(NOW.plus(Duration.ofMinutes(5)).plus(LEASE)));

        panelAnswers.countDown();
        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(jobs.pending()).isEmpty();
    }
}
