package dev.vpnbot.bootstrap.schedule;

import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;
import dev.vpnbot.bootstrap.config.DurationText;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
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
 * {@code PANEL_DRIFT_INTERVAL} (unless switched off), and the buyers' order notices (the
 * outbox's relay) every fulfilment tick.
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
    private final IntSupplier orderNotices;
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
    /** Jobs beside the built-in ones ({@link #alsoEvery}, {@link #addJob}), started with them. */
    private final List<Runnable> moreJobs = new ArrayList<>();

    public BackgroundJobs(RunFulfilmentJobsUseCase fulfilment, ReconcilePaymentsUseCase reconciliation,
                          SendExpiryRemindersUseCase reminders, PanelProbe panelProbe, RepairPanelDriftUseCase driftRepair,
                          IntSupplier broadcastBatch, BotMetrics metrics, Schedule schedule) {
        this(fulfilment, reconciliation, reminders, panelProbe, driftRepair, broadcastBatch, () -> 0, metrics, schedule);
    }

    /** @param orderNotices the outbox's relay: settles the messenger's answers and sends the due notices */
    public BackgroundJobs(RunFulfilmentJobsUseCase fulfilment, ReconcilePaymentsUseCase reconciliation,
                          SendExpiryRemindersUseCase reminders, PanelProbe panelProbe, RepairPanelDriftUseCase driftRepair,
                          IntSupplier broadcastBatch, IntSupplier orderNotices, BotMetrics metrics, Schedule schedule) {
        this.orderNotices = orderNotices;
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
        this.executor = new ScheduledThreadPoolExecutor(FULFILMENT_LOOPS + 5, r -> {
            Thread t = new Thread(r, "jobs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * A job beside the built-in ones (database backups), first run one {@code period} after start;
     * added before {@link #start}. Guarded like the others: a failure is logged and it runs again next time.
     */
    public synchronized void addJob(String name, Duration period, IntSupplier work) {
        if (started) throw new IllegalStateException("jobs are added before start");
        moreJobs.add(() -> every(period, period, () -> guarded(name, work)));
        LOG.info("background job {} every {}", name, DurationText.format(period));
    }

    public synchronized void start() {
        if (started) throw new IllegalStateException("already started");
        started = true;
        every(Duration.ZERO, schedule.fulfilmentTick(), this::fulfilDueOrders);
        every(schedule.firstDelay(), schedule.reconcileInterval(), () -> guarded("reconciliation", this::reconcile));
        every(schedule.firstDelay().multipliedBy(2), schedule.reminderInterval(), () -> guarded("expiry_reminders", this::remind));
        every(schedule.firstDelay(), schedule.panelProbeInterval(), () -> guarded("panel_probe", panelProbe::probeAll));
        // broadcasts go out batch after batch while there are any, paced only by the sender's budget
        every(schedule.firstDelay(), schedule.fulfilmentTick().multipliedBy(2), () -> guarded("broadcasts", this::broadcast));
        // notices a crashed process left behind go out as soon as this one runs
        every(Duration.ZERO, schedule.fulfilmentTick(), () -> guarded("order_notices", orderNotices));
        moreJobs.forEach(Runnable::run);
        Duration drift = schedule.panelDriftInterval();
        if (!drift.isZero()) {
            // after the first probe, so a panel that is down is known before anything is repaired
            every(schedule.firstDelay().multipliedBy(3), drift, () -> guarded("panel_drift_repair", this::repairDrift));
        }
        LOG.info("background jobs started: fulfilment every {}, reconciliation every {}, expiry reminders every {}, panel drift repair {}",
                DurationText.format(schedule.fulfilmentTick()), DurationText.format(schedule.reconcileInterval()),
                DurationText.format(schedule.reminderInterval()), drift.isZero() ? "off" : "every " + DurationText.format(drift));
    }

    /**
     * A job beside the built-in ones (measured and guarded as they are, under {@code name}), to
     * register before {@link #start}: it first runs after the first delay, then every {@code period}.
     */
    public synchronized void alsoEvery(String name, Duration period, IntSupplier work) {
        if (started) throw new IllegalStateException("register jobs before the start");
        moreJobs.add(() -> every(schedule.firstDelay(), period, () -> guarded(name, work)));
    }

    /**
     * A job that runs once, after the first delay (never in the way of the start), measured and
     * guarded like the others under {@code name}; one that fails is tried again after {@code retry}.
     * Registered before {@link #start}.
     */
    public synchronized void alsoOnce(String name, Duration retry, IntSupplier work) {
        if (started) throw new IllegalStateException("register jobs before the start");
        if (retry.isNegative() || retry.isZero()) throw new IllegalArgumentException("the retry must be positive");
        moreJobs.add(() -> once(name, schedule.firstDelay(), retry, work));
    }

    private void once(String name, Duration delay, Duration retry, IntSupplier work) {
        try {
            executor.schedule(() -> {
                if (attempt(name, work).isEmpty() && !executor.isShutdown()) once(name, retry, retry, work);
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: the next start runs it
        }
    }

    /** The database backup as a job: logs what happened; the use case tells the admins when something went wrong. */
    public static IntSupplier backups(BackUpDatabaseUseCase backups) {
        return () -> {
            BackUpDatabaseUseCase.BackupReport r = backups.backUp();
            if (r.outcome() == BackUpDatabaseUseCase.Outcome.SENT) {
                LOG.info("database backup {} ({} bytes) sent; {} older one(s) removed", r.file().getFileName(), r.bytes(), r.removed().size());
            } else {
                LOG.warn("database backup {}: {}", r.outcome(), r.problem());
            }
            return r.outcome() == BackUpDatabaseUseCase.Outcome.FAILED ? 0 : 1;
        };
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

    /** Batch after batch, with no pause between them, until nothing is left to send or the jobs stop. */
    private int broadcast() {
        int sent = 0;
        for (int batch = broadcastBatch.getAsInt(); batch > 0; batch = broadcastBatch.getAsInt()) {
            sent += batch;
            if (executor.isShutdown() || Thread.currentThread().isInterrupted()) break;
        }
        return sent;
    }

    private int guarded(String job, IntSupplier work) {
        return attempt(job, work).orElse(0);
    }

    /** What the job did, or empty when it failed (logged and counted). */
    private OptionalInt attempt(String job, IntSupplier work) {
        long start = System.nanoTime();
        try {
            int done = work.getAsInt();
            metrics.jobRan(job, start, true);
            return OptionalInt.of(done);
        } catch (Throwable t) { // NOSONAR: whatever happens, the schedule must survive
            metrics.jobRan(job, start, false);
            LOG.error("background job '{}' failed; it runs again at its next turn", job, t);
            return OptionalInt.empty();
        }
    }
}
