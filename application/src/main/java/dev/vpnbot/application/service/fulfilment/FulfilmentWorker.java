package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works the fulfilment queue. A failed attempt is retried with exponential backoff for as long
 * as it takes (a paid order always ends with a key); admins are told once when an order has
 * failed {@code alertAfterAttempts} times.
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
            return new Settings(5, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(10), 3);
        }
    }

    private final FulfilmentJobs jobs;
    private final FulfilOrderUseCase fulfilment;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final Settings settings;

    public FulfilmentWorker(FulfilmentJobs jobs, FulfilOrderUseCase fulfilment, Notifier notifier,
                            Transactions transactions, Clock clock, Settings settings) {
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
        try {
            fulfilment.fulfil(job.orderId());
            transactions.run(() -> jobs.complete(job.orderId()));
        } catch (RuntimeException e) {
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

    Duration backoff(int attempts) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }
}
