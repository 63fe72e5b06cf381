package dev.vpnbot.bootstrap.schedule;

import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;
import dev.vpnbot.bootstrap.config.DurationText;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's clock-driven work: fulfilment jobs every second (and at once when a payment lands),
 * payment reconciliation and order expiry every {@code RECONCILE_INTERVAL}, expiry reminders
 * every few minutes, a panel probe for {@code /healthz}, and the panel drift repair every
 * {@code PANEL_DRIFT_INTERVAL} (unless switched off).
 *
 * <p>A job that throws is logged and runs again at its next turn: nothing kills the schedule.
 * Each job runs at most once at a time here; across bot instances the use cases themselves keep
 * work from being done twice (row locks, SKIP LOCKED claims, the once-only ledger).
 */
public final class BackgroundJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    /** Rounds of fulfilment in one go while jobs keep coming, before yielding to the next tick. */
    private static final int MAX_ROUNDS = 50;

    /**
     * How often each job runs.
     *
     * @param panelDriftInterval zero: the drift repair never runs
     */
    public record Schedule(Duration fulfilmentTick, Duration reconcileInterval, Duration reminderInterval,
                           Duration panelProbeInterval, Duration panelDriftInterval, Duration firstDelay) {
        public Schedule {
            for (Duration d : new Duration[] {fulfilmentTick, reconcileInterval, reminderInterval, panelProbeInterval}) {
                if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("intervals must be positive");
            }
            if (panelDriftInterval.isNegative()) throw new IllegalArgumentException("intervals cannot be negative");
            Objects.requireNonNull(firstDelay, "firstDelay");
        }

        public static Schedule of(Duration reconcileInterval, Duration panelDriftInterval) {
            return new Schedule(Duration.ofSeconds(1), reconcileInterval, Duration.ofMinutes(5), Duration.ofMinutes(1),
                    panelDriftInterval, Duration.ofSeconds(5));
        }
    }

    private final RunFulfilmentJobsUseCase fulfilment;
    private final ReconcilePaymentsUseCase reconciliation;
    private final SendExpiryRemindersUseCase reminders;
    private final PanelProbe panelProbe;
    private final RepairPanelDriftUseCase driftRepair;
    private final IntSupplier broadcastBatch;
    private final BotMetrics metrics;
    private final Schedule schedule;
    private final ScheduledThreadPoolExecutor executor;
    /**
     * Fulfilment loops allowed at once. Each claims its own jobs (leases, SKIP LOCKED), so a panel
     * that hangs until its timeout holds up one loop while the others keep delivering.
     */
    static final int FULFILMENT_LOOPS = 3;
    private final Semaphore fulfilling = new Semaphore(FULFILMENT_LOOPS);
    private final AtomicBoolean fulfilAgain = new AtomicBoolean();
    private volatile boolean started;
    private final java.util.List<Runnable> extraJobs = new java.util.ArrayList<>();

    public BackgroundJobs(RunFulfilmentJobsUseCase fulfilment, ReconcilePaymentsUseCase reconciliation,
                          SendExpiryRemindersUseCase reminders, PanelProbe panelProbe, RepairPanelDriftUseCase driftRepair,
                          IntSupplier broadcastBatch, BotMetrics metrics, Schedule schedule) {
        this.fulfilment = fulfilment;
        this.reconciliation = reconciliation;
        this.reminders = reminders;
        this.panelProbe = panelProbe;
        this.driftRepair = driftRepair;
        this.broadcastBatch = broadcastBatch;
        this.metrics = metrics;
        this.schedule = schedule;
        AtomicInteger n = new AtomicInteger();
        // threads for every fulfilment loop and for the other jobs: a slow gateway during
        // reconciliation never holds up deliveries
        this.executor = new ScheduledThreadPoolExecutor(FULFILMENT_LOOPS + 4, r -> {
            Thread t = new Thread(r, "jobs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    public synchronized void start() {
        if (started) throw new IllegalStateException("already started");
        started = true;
        every(Duration.ZERO, schedule.fulfilmentTick(), this::fulfilDueOrders);
        every(schedule.firstDelay(), schedule.reconcileInterval(), () -> guarded("reconciliation", this::reconcile));
        every(schedule.firstDelay().multipliedBy(2), schedule.reminderInterval(), () -> guarded("expiry_reminders", this::remind));
        every(schedule.firstDelay(), schedule.panelProbeInterval(), () -> guarded("panel_probe", panelProbe::probeAll));
        // broadcasts go out a batch per tick; the sender's rate limits pace the rest
        every(schedule.firstDelay(), schedule.fulfilmentTick().multipliedBy(2), () -> guarded("broadcasts", broadcastBatch));
        Duration drift = schedule.panelDriftInterval();
        if (!drift.isZero()) {
            // after the first probe, so a panel that is down is known before anything is repaired
            every(schedule.firstDelay().multipliedBy(3), drift, () -> guarded("panel_drift_repair", this::repairDrift));
        }
        extraJobs.forEach(Runnable::run);
        LOG.info("background jobs started: fulfilment every {}, reconciliation every {}, expiry reminders every {}, panel drift repair {}",
                DurationText.format(schedule.fulfilmentTick()), DurationText.format(schedule.reconcileInterval()),
                DurationText.format(schedule.reminderInterval()), drift.isZero() ? "off" : "every " + DurationText.format(drift));
    }

    /** One more job every {@code period} (first after the usual delay), logged and measured as {@code name}; before {@link #start}. */
    public synchronized void alsoEvery(String name, Duration period, IntSupplier work) {
        if (started) throw new IllegalStateException("already started");
        extraJobs.add(() -> every(schedule.firstDelay(), period, () -> guarded(name, work)));
    }

    /** The fulfilment wake-up: a payment just landed, deliver now instead of at the next tick. */
    public void wakeFulfilment() {
        if (!started) return; // the first tick after start picks the job up
        try {
            executor.execute(this::fulfilDueOrders);
        } catch (RejectedExecutionException e) {
            // shutting down: the job stays queued in the database for the next start
        }
    }

    /**
     * Stops scheduling and waits up to {@code grace} for running jobs to finish. Returns true
     * when they all did; otherwise they are interrupted (their work is retried after restart).
     */
    public boolean stop(Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("background jobs stopped");
                return true;
            }
            LOG.warn("background jobs still running after {}; interrupting them (their work resumes after restart)", DurationText.format(grace));
            executor.shutdownNow();
            return false;
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void every(Duration first, Duration period, Runnable job) {
        executor.scheduleWithFixedDelay(job, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs due jobs until none are left (bounded), coalescing wake-ups that arrive meanwhile. */
    void fulfilDueOrders() {
        if (!fulfilling.tryAcquire()) {
            fulfilAgain.set(true); // a running loop will go once more
            return;
        }
        try {
            int rounds = 0;
            boolean more;
            do {
                fulfilAgain.set(false);
                int attempted = guarded("fulfilment", fulfilment::runDueJobs);
                if (attempted > 1) wakeFulfilment(); // a busy queue: let another loop join in
                more = attempted > 0 || fulfilAgain.get();
            } while (more && ++rounds < MAX_ROUNDS && !executor.isShutdown());
        } finally {
            fulfilling.release();
        }
        if (fulfilAgain.getAndSet(false)) wakeFulfilment(); // a wake-up that slipped in after the last round
    }

    private int reconcile() {
        ReconcilePaymentsUseCase.Report r = reconciliation.reconcile();
        if (r.paid() + r.expired() + r.failedChecks() > 0) {
            LOG.info("reconciliation: {} checked, {} found paid, {} expired, {} checks failed",
                    r.checked(), r.paid(), r.expired(), r.failedChecks());
        }
        return r.checked();
    }

    private int repairDrift() {
        RepairPanelDriftUseCase.Result r = driftRepair.repairDrift();
        if (!r.fixesByKind().isEmpty() || r.keysFailed() + r.serversSkipped() > 0) {
            LOG.info("panel drift repair: {} key(s) checked, fixed {}, {} key(s) not trusted, {} server(s) skipped",
                    r.keysChecked(), r.fixesByKind(), r.keysFailed(), r.serversSkipped());
        }
        return r.keysChecked();
    }

    private int remind() {
        int sent = reminders.sendDueReminders();
        if (sent > 0) LOG.info("sent {} expiry reminder(s)", sent);
        return sent;
    }

    private int guarded(String job, IntSupplier work) {
        long start = System.nanoTime();
        try {
            int done = work.getAsInt();
            metrics.jobRan(job, start, true);
            return done;
        } catch (Throwable t) { // NOSONAR: whatever happens, the schedule must survive
            metrics.jobRan(job, start, false);
            LOG.error("background job '{}' failed; it runs again at its next turn", job, t);
            return 0;
        }
    }
}
