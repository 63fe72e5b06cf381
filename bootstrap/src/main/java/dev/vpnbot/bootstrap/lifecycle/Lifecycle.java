package dev.vpnbot.bootstrap.lifecycle;

import dev.vpnbot.bootstrap.health.HealthEndpoint;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.bootstrap.schedule.BackgroundJobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the running bot. Start: migrate the schema, open the HTTP server, start taking updates,
 * start the background jobs. Stop (once, from the JVM shutdown hook or a test): stop taking
 * updates, close the HTTP server letting running requests finish, let running jobs finish
 * within a grace period, then close pools and clients.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /**
     * How long each stage of shutdown may take. Short on purpose: with the sender's flush and the
     * pools a stop takes under 5 s, so SIGTERM is honoured before systemd or Docker kill; work
     * cut short is in the database and resumes at the next start.
     */
    public record Grace(Duration http, Duration jobs) {
        public static Grace defaults() {
            return new Grace(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    private final SchemaMigration migration;
    private final WebServer web;
    private final List<UpdateSource> updateSources;
    private final BackgroundJobs jobs;
    private final List<ManagedResource> resources;
    private final HealthEndpoint health;
    private final Grace grace;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<UpdateSource> startedSources = new ArrayList<>();
    private boolean started;
    private boolean stopping;

    public Lifecycle(SchemaMigration migration, WebServer web, Set<UpdateSource> updateSources, BackgroundJobs jobs,
                     Set<ManagedResource> resources, HealthEndpoint health, Grace grace) {
        this.migration = migration;
        this.web = web;
        this.updateSources = List.copyOf(updateSources);
        this.jobs = jobs;
        this.resources = resources.stream().sorted(Comparator.comparing(ManagedResource::order)).toList();
        this.health = health;
        this.grace = grace;
    }

    /** Starts everything; on failure, what was started is stopped again and the cause rethrown. */
    public synchronized void start() throws Exception {
        if (started) throw new IllegalStateException("already started");
        started = true;
        try {
            LOG.info("database schema: {}", migration.migrate());
            web.start();
            for (UpdateSource source : updateSources) {
                source.start();
                startedSources.add(source);
                LOG.info("taking updates: {}", source.name());
            }
            if (updateSources.isEmpty()) LOG.warn("no update source is wired: the bot takes no Telegram updates");
            jobs.start();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    /** Graceful shutdown; safe to call more than once and from any thread. */
    public void stop() {
        synchronized (this) {
            if (stopping) return;
            stopping = true;
        }
        long begin = System.nanoTime();
        LOG.info("shutting down: no new updates, finishing work in progress");
        for (UpdateSource source : startedSources) {
            quietly("stop " + source.name(), source::stop);
        }
        quietly("stop HTTP server", () -> web.stop(grace.http()));
        quietly("stop background jobs", () -> jobs.stop(grace.jobs()));
        for (ManagedResource r : resources) {
            quietly("close " + r.name(), () -> r.resource().close());
        }
        quietly("close health checks", health::close);
        LOG.info("stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
        stopped.countDown();
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("could not {}: {}", what, e.toString());
        }
    }
}
