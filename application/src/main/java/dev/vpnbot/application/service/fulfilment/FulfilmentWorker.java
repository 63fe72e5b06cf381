package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.domain.order.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works the fulfilment queue. A failed attempt is retried with exponential backoff for as long
 * as it takes (a paid order always ends with a key); admins are told once when an order has
 * failed {@code alertAfterAttempts} times.
 *
 * <p>Rule: a claimed job's lease is short, and renewed by a heartbeat every third of it while
 * the attempt runs (a panel may take minutes to answer); so the job of a worker that crashed is
 * picked up by another within one lease, never hidden for the length of the slowest panel call.
 */
public final class FulfilmentWorker implements RunFulfilmentJobsUseCase {
    private static final Logger LOG = Logger.getLogger(FulfilmentWorker.class.getName());

    /**
     * @param batchSize          jobs claimed per tick
     * @param lease              how long a claimed job is hidden from other workers
     * @param firstRetryDelay    wait after the first failure; doubled each time
     * @param maxRetryDelay      the backoff stops growing here
     * @param alertAfterAttempts failed attempts before admins are told
     */
    public record Settings(int batchSize, Duration lease, Duration firstRetryDelay, Duration maxRetryDelay,
                           int alertAfterAttempts) {
        public Settings {
            if (batchSize < 1 || alertAfterAttempts < 1) throw new IllegalArgumentException("batch size and alert threshold must be positive");
            if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        }

        public static Settings defaults() {
            // small batches: a loop stuck behind a panel that is timing out holds few orders back
            // a paid buyer waits: a panel or database hiccup is retried within seconds, never minutes (a job
            // costs a few panel calls, batched by the write queue); admins hear after about half a minute of failures
            return new Settings(5, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(15), 6);
        }
    }

    private final FulfilmentJobs jobs;
    private final FulfilOrderUseCase fulfilment;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final Settings settings;
    private final ScheduledExecutorService heartbeats;

    /** Without heartbeats: for tests that drive the worker by hand (a lease then lasts as long as it says). */
    public FulfilmentWorker(FulfilmentJobs jobs, FulfilOrderUseCase fulfilment, Notifier notifier,
                            Transactions transactions, Clock clock, Settings settings) {
        this(jobs, fulfilment, notifier, transactions, clock, settings, null);
    }

    /** @param heartbeats runs the lease renewals while an attempt runs; null for none */
    public FulfilmentWorker(FulfilmentJobs jobs, FulfilOrderUseCase fulfilment, Notifier notifier,
                            Transactions transactions, Clock clock, Settings settings, ScheduledExecutorService heartbeats) {
        this.heartbeats = heartbeats;
        this.jobs = jobs;
        this.fulfilment = fulfilment;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int runDueJobs() {
        List<FulfilmentJobs.Job> due = transactions.inTransaction(
                () -> jobs.claimDue(clock.instant(), settings.batchSize(), settings.lease()));
        for (FulfilmentJobs.Job job : due) {
            attempt(job);
        }
        return due.size();
    }

    private void attempt(FulfilmentJobs.Job job) {
        Heartbeat heartbeat = new Heartbeat(job.orderId());
        try {
            fulfilment.fulfil(job.orderId());
            heartbeat.stop();
            transactions.run(() -> jobs.complete(job.orderId()));
        } catch (RuntimeException e) {
            heartbeat.stop();
            int attempts = job.attempts() + 1;
            Instant next = clock.instant().plus(backoff(attempts));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "fulfilment of order " + job.orderId() + " failed (attempt " + attempts + "), next try at " + next + ": " + error);
            transactions.run(() -> jobs.retryLater(job.orderId(), attempts, next, error));
            if (attempts == settings.alertAfterAttempts()) {
                notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.FULFILMENT_FAILING,
                        "order " + job.orderId() + " failed " + attempts + " times, still retrying: " + error));
            }
        }
    }

    /** Renews one job's lease every third of it until stopped; a renewal that fails is logged, the next one tries again. */
    private final class Heartbeat {
        private final OrderId orderId;
        private final ScheduledFuture<?> beats;
        private boolean stopped;

        Heartbeat(OrderId orderId) {
            this.orderId = orderId;
            long every = Math.max(1, settings.lease().toMillis() / 3);
            this.beats = heartbeats == null ? null
                    : heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void beat() {
            if (stopped) return;
            try {
                transactions.run(() -> jobs.extendLease(orderId, clock.instant().plus(settings.lease())));
            } catch (RuntimeException e) {
                LOG.warning(() -> "lease of order " + orderId + " not renewed: " + e.getMessage());
            }
        }

        /** After this returns no renewal runs any more, so the job's own outcome is written last. */
        synchronized void stop() {
            stopped = true;
            if (beats != null) beats.cancel(false);
        }
    }

    Duration backoff(int attempts) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }
}
