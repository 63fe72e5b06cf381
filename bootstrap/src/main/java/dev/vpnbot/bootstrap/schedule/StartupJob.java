package dev.vpnbot.bootstrap.schedule;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Work done once in the background shortly after each start ({@link BackgroundJobs#alsoOnce}),
 * such as filling what older versions left out; safe to run again at every start.
 *
 * @param name the job's name in the logs and metrics
 * @param work returns how much it did
 */
public record StartupJob(String name, IntSupplier work) {
    public StartupJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
    }
}
