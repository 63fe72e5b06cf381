package dev.vpnbot.application.port.in.enrollment;

/**
 * Use case (timer): enrols the requests nodes wrote into the database route's table, each one
 * exactly as {@link EnrollServerUseCase} would, and records the outcome on the row.
 */
public interface ProcessQueuedEnrollmentsUseCase {

    /** Processes up to {@code limit} waiting requests; returns how many it took. */
    int processQueued(int limit);
}
