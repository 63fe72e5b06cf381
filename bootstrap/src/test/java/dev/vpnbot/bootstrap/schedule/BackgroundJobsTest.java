package dev.vpnbot.bootstrap.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {
    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final BotMetrics metrics = new BotMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(), Optional.empty());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final PanelProbe probe = new PanelProbe(new InMemoryServers(new InMemoryKeys(), clock), new SimulatedVpnPanel());
    private final AtomicInteger fulfilmentRuns = new AtomicInteger();
    private final AtomicInteger reconcileRuns = new AtomicInteger();
    private final AtomicInteger reminderRuns = new AtomicInteger();
    private final AtomicInteger driftRuns = new AtomicInteger();
    private final RepairPanelDriftUseCase drift = () -> {
        driftRuns.incrementAndGet();
        return new RepairPanelDriftUseCase.Result(List.of());
    };
    private BackgroundJobs jobs;

    private BackgroundJobs jobs(Duration tick, Duration reconcile, Duration reminders, ReconcilePaymentsUseCase reconciliation) {
        return jobs(tick, reconcile, reminders, LONG, reconciliation);
    }

    private BackgroundJobs jobs(Duration tick, Duration reconcile, Duration reminders, Duration drift,
                                ReconcilePaymentsUseCase reconciliation) {
        jobs = new BackgroundJobs(() -> {
            fulfilmentRuns.incrementAndGet();
            return 0;
        }, reconciliation, () -> {
            reminderRuns.incrementAndGet();
            return 0;
        }, probe, this.drift, () -> 0, metrics, new BackgroundJobs.Schedule(tick, reconcile, reminders, LONG, drift, Duration.ZERO));
        return jobs;
    }

    private ReconcilePaymentsUseCase countingReconciliation() {
        return () -> {
            reconcileRuns.incrementAndGet();
            return new ReconcilePaymentsUseCase.Report(0, 0, 0, 0);
        };
    }

    @AfterEach
    void stop() {
        if (jobs != null) jobs.stop(Duration.ofSeconds(2));
    }

    @Test
    void each_job_runs_on_its_own_interval() throws Exception {
        jobs(Duration.ofMillis(20), Duration.ofMillis(50), LONG, countingReconciliation()).start();
        Await.until("10 fulfilment and 3 reconciliation runs", WAIT, () -> fulfilmentRuns.get() >= 10 && reconcileRuns.get() >= 3);
        assertThat(reminderRuns.get()).isEqualTo(1); // its first run only; the next is an hour away
    }

    @Test
    void the_panel_drift_repair_runs_on_its_own_interval_and_is_measured() throws Exception {
        jobs(LONG, LONG, LONG, Duration.ofMillis(20), countingReconciliation()).start();
        Await.until("3 drift repairs", WAIT, () -> driftRuns.get() >= 3);
        assertThat(metrics.scrape()).containsPattern("vpnbot_job_runs_total\\{job=\"panel_drift_repair\",outcome=\"ok\"} [1-9]");
    }

    @Test
    void a_panel_drift_repair_switched_off_never_runs_while_the_other_jobs_do() throws Exception {
        jobs(Duration.ofMillis(20), Duration.ofMillis(20), LONG, Duration.ZERO, countingReconciliation()).start();
        Await.until("5 reconciliation and 5 fulfilment runs", WAIT, () -> reconcileRuns.get() >= 5 && fulfilmentRuns.get() >= 5);
        assertThat(driftRuns.get()).isZero();
        assertThat(metrics.scrape()).doesNotContain("panel_drift_repair");
    }

    @Test
    void a_wake_up_runs_fulfilment_at_once_instead_of_at_the_next_tick() throws Exception {
        jobs(LONG, LONG, LONG, countingReconciliation()).start();
        Await.until("the fulfilment run at start", WAIT, () -> fulfilmentRuns.get() == 1);
        jobs.wakeFulfilment();
        Await.until("the fulfilment run the wake-up asked for", WAIT, () -> fulfilmentRuns.get() == 2);
    }

    @Test
    void a_job_that_keeps_failing_is_logged_and_counted_and_keeps_its_schedule() throws Exception {
        jobs(LONG, Duration.ofMillis(20), LONG, () -> {
            reconcileRuns.incrementAndGet();
            throw new IllegalStateException("gateway exploded");
        }).start();
        Await.until("3 reconciliation runs, each one failing", WAIT, () -> reconcileRuns.get() >= 3);
        assertThat(metrics.scrape()).containsPattern("vpnbot_job_runs_total\\{job=\"reconciliation\",outcome=\"failed\"} [3-9]");
    }

    @Test
    void an_error_not_just_an_exception_does_not_kill_the_schedule_either() throws Exception {
        jobs(LONG, Duration.ofMillis(20), LONG, () -> {
            reconcileRuns.incrementAndGet();
            throw new AssertionError("an Error from deep inside");
        }).start();
        Await.until("3 reconciliation runs, each one failing", WAIT, () -> reconcileRuns.get() >= 3);
    }

    @Test
    void stopping_waits_for_the_job_in_progress_to_finish() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        jobs(LONG, LONG, LONG, () -> {
            running.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ReconcilePaymentsUseCase.Report(0, 0, 0, 0);
            }
            finished.incrementAndGet();
            return new ReconcilePaymentsUseCase.Report(1, 0, 0, 0);
        }).start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(jobs.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(finished.get()).isEqualTo(1);
        int runs = fulfilmentRuns.get();
        jobs.wakeFulfilment(); // after stop: ignored, the job waits in the database for the next start
        Thread.sleep(50);
        assertThat(fulfilmentRuns.get()).isEqualTo(runs);
    }

    @Test
    void a_job_that_overruns_the_grace_period_is_interrupted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        jobs(LONG, LONG, LONG, () -> {
            running.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ReconcilePaymentsUseCase.Report(0, 0, 0, 0);
        }).start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(jobs.stop(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void while_due_jobs_keep_coming_fulfilment_goes_round_again_without_waiting_for_the_tick() throws Exception {
        AtomicInteger backlog = new AtomicInteger(5);
        jobs = new BackgroundJobs(() -> {
            fulfilmentRuns.incrementAndGet();
            return backlog.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 20 : 0;
        }, countingReconciliation(), () -> 0, probe, drift, () -> 0, metrics,
                new BackgroundJobs.Schedule(LONG, LONG, LONG, LONG, LONG, LONG));
        jobs.start();
        Await.until("5 full batches, then an empty round", WAIT, () -> backlog.get() == 0 && fulfilmentRuns.get() >= 6);
        Thread.sleep(100);
        int settled = fulfilmentRuns.get();
        Thread.sleep(100);
        assertThat(fulfilmentRuns.get()).as("no spinning once the queue is empty").isEqualTo(settled);
        assertThat(settled).isLessThanOrEqualTo(5 + 2 * BackgroundJobs.FULFILMENT_LOOPS);
    }

    @Test
    void a_fulfilment_loop_stuck_on_a_slow_panel_does_not_hold_up_the_others() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        jobs = new BackgroundJobs(() -> {
            if (calls.incrementAndGet() == 1) {
                stuck.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS); // a panel that answers only at its timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 2;
            }
            return delivered.incrementAndGet() <= 3 ? 1 : 0;
        }, countingReconciliation(), () -> 0, probe, drift, () -> 0, metrics,
                new BackgroundJobs.Schedule(LONG, LONG, LONG, LONG, LONG, LONG));
        jobs.start();
        assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();

        jobs.wakeFulfilment(); // a payment lands while the first loop waits on its panel
        Await.until("3 orders delivered while the first loop waits on its panel", WAIT, () -> delivered.get() >= 3);
        release.countDown();
    }

    @Test
    void a_job_registered_before_the_start_runs_on_its_interval_survives_failures_and_is_measured() throws Exception {
        AtomicInteger extraRuns = new AtomicInteger();
        jobs(LONG, LONG, LONG, countingReconciliation());
        jobs.alsoEvery("node_enrollments", Duration.ofMillis(20), () -> {
            if (extraRuns.incrementAndGet() % 2 == 0) throw new IllegalStateException("panel exploded");
            return 1;
        });
        jobs.start();
        Await.until("5 runs of the extra job", WAIT, () -> extraRuns.get() >= 5);
        assertThat(metrics.scrape()).containsPattern("vpnbot_job_runs_total\\{job=\"node_enrollments\",outcome=\"ok\"} [1-9]")
                .containsPattern("vpnbot_job_runs_total\\{job=\"node_enrollments\",outcome=\"failed\"} [1-9]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.alsoEvery("late", LONG, () -> 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_once_job_runs_once_after_the_start_a_failed_one_again_after_its_retry_and_it_never_holds_up_the_others() throws Exception {
        AtomicInteger onceRuns = new AtomicInteger();
        AtomicInteger flakyRuns = new AtomicInteger();
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowRuns = new AtomicInteger();
        jobs(Duration.ofMillis(10), LONG, LONG, countingReconciliation());
        jobs.alsoOnce("token_hash_backfill", Duration.ofMillis(20), () -> onceRuns.incrementAndGet());
        jobs.alsoOnce("flaky_once", Duration.ofMillis(20), () -> {
            if (flakyRuns.incrementAndGet() < 3) throw new IllegalStateException("database away");
            return 7;
        });
        jobs.alsoOnce("slow_once", Duration.ofMillis(20), () -> {
            slowRuns.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        jobs.alsoEvery("ticks", Duration.ofMillis(10), ticks::incrementAndGet);
        jobs.start();

        Await.until("the slow once-job ran once and the failing one until it succeeded", WAIT, () -> slowRuns.get() == 1 && flakyRuns.get() == 3);
        int fulfilled = fulfilmentRuns.get();
        Await.until("three more fulfilment runs", WAIT, () -> fulfilmentRuns.get() >= fulfilled + 3); // a once-job still running holds up nothing
        int seen = ticks.get();
        Await.until("five more ticks", WAIT, () -> ticks.get() >= seen + 5); // well past the retry delay
        release.countDown();

        assertThat(onceRuns).as("done once, not again").hasValue(1);
        assertThat(flakyRuns).as("failed twice, retried until it succeeded, then never again").hasValue(3);
        assertThat(slowRuns).hasValue(1);
        assertThat(metrics.scrape()).containsPattern("vpnbot_job_runs_total\\{job=\"flaky_once\",outcome=\"failed\"} 2")
                .containsPattern("vpnbot_job_runs_total\\{job=\"flaky_once\",outcome=\"ok\"} 1")
                .containsPattern("vpnbot_job_runs_total\\{job=\"token_hash_backfill\",outcome=\"ok\"} 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.alsoOnce("late", LONG, () -> 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
