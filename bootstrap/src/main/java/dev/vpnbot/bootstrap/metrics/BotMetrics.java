package dev.vpnbot.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * The bot's metrics, defined in one place so their names and labels stay consistent. The
 * decorators in this package and the HTTP server and scheduler feed them; adapters never see them.
 * Names are written as Prometheus shows them (Micrometer's Prometheus naming leaves such names
 * alone), so a name on a dashboard greps to its line here.
 */
public final class BotMetrics {
    /** The Content-Type of {@link #scrape()}: the Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Latency buckets from 5 ms to 30 s: panel calls and fulfilments live in this range. */
    private static final Duration[] LATENCY = LongStream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry;
    private final Optional<OrdersPerStatus> orders;
    final MeterProvider<Counter> updates;
    final Timer fulfilment;
    final MeterProvider<Counter> fulfilments;
    final MeterProvider<Timer> panelCalls;
    final MeterProvider<Counter> panelErrors;
    final MeterProvider<Counter> paymentNotifications;
    final MeterProvider<Counter> reconciliation;
    final Counter reminders;
    final MeterProvider<Counter> driftKeysChecked;
    final MeterProvider<Counter> driftFixes;
    final MeterProvider<Counter> driftFailures;
    private final MeterProvider<Counter> jobRuns;
    private final MeterProvider<Timer> jobSeconds;
    private final MeterProvider<Counter> httpRequests;

    /**
     * @param orders      counts orders per status (from the database adapter), if there is one
     * @param senderQueue the Telegram sender's backlog, if there is one
     */
    public BotMetrics(PrometheusMeterRegistry registry, Optional<OrderCounts> orders, Optional<SenderQueue> senderQueue) {
        this.registry = registry;
        updates = counter("vpnbot_telegram_updates_total",
                "Telegram updates taken in, by outcome (overloaded: answered 'busy' and dropped, the queue being full).");
        // both outcomes from the start, so the family is on the page before the first update
        updates.withTag("outcome", "handled");
        updates.withTag("outcome", "failed");
        updates.withTag("outcome", "overloaded");
        this.orders = orders.map(counts -> new OrdersPerStatus(counts, registry));
        fulfilment = Timer.builder("vpnbot_fulfilment_seconds")
                .description("Time to deliver a paid order (create or extend the key, notify the user).")
                .serviceLevelObjectives(LATENCY).register(registry);
        fulfilments = counter("vpnbot_fulfilments_total", "Fulfilment attempts by result.");
        panelCalls = latency("vpnbot_panel_call_seconds", "Time per 3x-ui panel call.");
        panelErrors = counter("vpnbot_panel_errors_total", "Failed 3x-ui panel calls by operation, server and cause.");
        senderQueue.ifPresent(q -> Gauge.builder("vpnbot_sender_queue_length", q::length)
                .description("Messages waiting in the rate-limited Telegram sender.").register(registry));
        paymentNotifications = counter("vpnbot_payment_notifications_total",
                "Verified payment notifications (webhooks) by outcome.");
        reconciliation = counter("vpnbot_reconciliation_orders_total",
                "Orders handled by reconciliation: checked with the gateway, found paid (a lost webhook), expired, check failed.");
        reminders = Counter.builder("vpnbot_expiry_reminders_sent_total").description("Expiry reminders sent to users.")
                .register(registry);
        driftKeysChecked = counter("vpnbot_panel_drift_keys_checked_total",
                "Active keys the drift repair compared with their panel client, by server.");
        driftFixes = counter("vpnbot_panel_drift_fixes_total",
                "Panel clients the drift repair put back as the database has them, by server and kind of fix.");
        driftFailures = counter("vpnbot_panel_drift_failures_total",
                "Drift repair: keys left untouched because the panel's answer could not be trusted (untrusted_answer), "
                        + "rounds in which a server's panel could not be reached (server_skipped).");
        jobRuns = counter("vpnbot_job_runs_total", "Background job runs by job and outcome.");
        jobSeconds = latency("vpnbot_job_seconds", "Background job run time.");
        httpRequests = counter("vpnbot_http_requests_total", "HTTP requests by route and status.");
        Gauge.builder("jvm_memory_heap_used_bytes", () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                .description("Heap in use.").register(registry);
        Gauge.builder("jvm_threads_live", () -> ManagementFactory.getThreadMXBean().getThreadCount())
                .description("Live JVM threads.").register(registry);
        Gauge.builder("process_uptime_seconds", () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
                .description("Time since the JVM started.").register(registry);
    }

    /** Every metric in the Prometheus text format ({@link #CONTENT_TYPE}), for {@code GET /metrics}. */
    public String scrape() {
        orders.ifPresent(OrdersPerStatus::count);
        return registry.scrape(CONTENT_TYPE);
    }

    /** One Telegram update taken in: handled, or failed. */
    public void updateTaken(boolean handled) {
        updates.withTag("outcome", handled ? "handled" : "failed").increment();
    }

    /** One Telegram update answered "busy" and dropped: the bot's update queue was full. */
    public void updateOverloaded() {
        updates.withTag("outcome", "overloaded").increment();
    }

    public void jobRan(String job, long startNanos, boolean ok) {
        jobRuns.withTags("job", job, "outcome", ok ? "ok" : "failed").increment();
        jobSeconds.withTag("job", job).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    public void httpRequest(String route, int status) {
        httpRequests.withTags("route", route, "status", Integer.toString(status)).increment();
    }

    private MeterProvider<Counter> counter(String name, String help) {
        return Counter.builder(name).description(help).withRegistry(registry);
    }

    private MeterProvider<Timer> latency(String name, String help) {
        return Timer.builder(name).description(help).serviceLevelObjectives(LATENCY).withRegistry(registry);
    }
}
