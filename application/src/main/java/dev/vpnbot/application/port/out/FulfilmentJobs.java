package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing port: the queue of paid orders whose key still has to be created or extended.
 * At most one job per order. Several workers (or bot instances) may claim at once; a job is
 * never handed to two of them while its lease runs.
 */
public interface FulfilmentJobs {

    record Job(OrderId orderId, int attempts, Instant nextAttemptAt, String lastError) {}

    /** Adds a job for the order unless it already has one. */
    void enqueue(OrderId orderId, Instant due);

    /** Takes up to {@code limit} due jobs and hides them from other workers until now + lease. */
    List<Job> claimDue(Instant now, int limit, Duration lease);

    /** The worker on it is alive (a heartbeat): hide the job from other workers until {@code until}. */
    void extendLease(OrderId orderId, Instant until);

    /** The order is fulfilled: the job is gone. */
    void complete(OrderId orderId);

    /** The attempt failed: try again at {@code nextAttemptAt}. */
    void retryLater(OrderId orderId, int attempts, Instant nextAttemptAt, String error);
}
