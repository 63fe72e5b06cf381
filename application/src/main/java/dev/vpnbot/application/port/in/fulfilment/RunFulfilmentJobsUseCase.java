package dev.vpnbot.application.port.in.fulfilment;

/** Use case: the worker's tick: fulfil the orders whose job is due, back off on failures. */
public interface RunFulfilmentJobsUseCase {
    /** Returns how many jobs were attempted. */
    int runDueJobs();
}
