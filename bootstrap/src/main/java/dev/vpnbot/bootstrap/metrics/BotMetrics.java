package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.domain.order.OrderStatus;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's metrics, defined in one place so their names and labels stay consistent. The
 * decorators in this package and the HTTP server and scheduler feed them; adapters never see them.
 */
public final class BotMetrics {
    private final MetricsRegistry registry;
    final Counter updates;
    final Histogram panelCalls;
    final Counter panelErrors;
    final Histogram fulfilment;
    final Counter fulfilments;
    final Counter paymentNotifications;
    final Counter reconciliation;
    final Counter reminders;
    final Counter driftKeysChecked;
    final Counter driftFixes;
    final Counter driftFailures;
    private final Counter jobRuns;
    private final Histogram jobSeconds;
    private final Counter httpRequests;

    /**
     * @param orders      counts orders per status (from the database adapter), if there is one
     * @param senderQueue the Telegram sender's backlog, if there is one
     */
    public BotMetrics(MetricsRegistry registry, Optional<OrderCounts> orders, Optional<SenderQueue> senderQueue) {
        this.registry = registry;
        updates = registry.counter("vpnbot_telegram_updates_total", "Telegram updates taken in, by outcome.", "outcome");
        orders.ifPresent(counts -> registry.gauge("vpnbot_orders", "Orders per status right now.", "status",
                () -> everyStatus(counts.countByStatus())));
        fulfilment = registry.histogram("vpnbot_fulfilment_seconds",
                "Time to deliver a paid order (create or extend the key, notify the user).", Histogram.LATENCY_SECONDS);
        fulfilments = registry.counter("vpnbot_fulfilments_total", "Fulfilment attempts by result.", "result");
        panelCalls = registry.histogram("vpnbot_panel_call_seconds", "Time per 3x-ui panel call.",
                Histogram.LATENCY_SECONDS, "operation");
        panelErrors = registry.counter("vpnbot_panel_errors_total", "Failed 3x-ui panel calls by operation, server and cause.",
                "operation", "server", "kind");
        senderQueue.ifPresent(q -> registry.gauge("vpnbot_sender_queue_length",
                "Messages waiting in the rate-limited Telegram sender.", q::length));
        paymentNotifications = registry.counter("vpnbot_payment_notifications_total",
                "Verified payment notifications (webhooks) by outcome.", "outcome");
        reconciliation = registry.counter("vpnbot_reconciliation_orders_total",
                "Orders handled by reconciliation: checked with the gateway, found paid (a lost webhook), expired, check failed.",
                "result");
        reminders = registry.counter("vpnbot_expiry_reminders_sent_total", "Expiry reminders sent to users.");
        driftKeysChecked = registry.counter("vpnbot_panel_drift_keys_checked_total",
                "Active keys the drift repair compared with their panel client, by server.", "server");
        driftFixes = registry.counter("vpnbot_panel_drift_fixes_total",
                "Panel clients the drift repair put back as the database has them, by server and kind of fix.", "server", "fix");
        driftFailures = registry.counter("vpnbot_panel_drift_failures_total",
                "Drift repair: keys left untouched because the panel's answer could not be trusted (untrusted_answer), "
                        + "rounds in which a server's panel could not be reached (server_skipped).", "server", "reason");
        jobRuns = registry.counter("vpnbot_job_runs_total", "Background job runs by job and outcome.", "job", "outcome");
        jobSeconds = registry.histogram("vpnbot_job_seconds", "Background job run time.", Histogram.LATENCY_SECONDS, "job");
        httpRequests = registry.counter("vpnbot_http_requests_total", "HTTP requests by route and status.", "route", "status");
        registry.gauge("jvm_memory_heap_used_bytes", "Heap in use.",
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        registry.gauge("jvm_threads_live", "Live JVM threads.", () -> ManagementFactory.getThreadMXBean().getThreadCount());
        registry.gauge("process_uptime_seconds", "Time since the JVM started.",
                () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    public MetricsRegistry registry() {
        return registry;
    }

    /** One Telegram update taken in: handled, or failed. */
    public void updateTaken(boolean handled) {
        updates.inc(handled ? "handled" : "failed");
    }

    public void jobRan(String job, long startNanos, boolean ok) {
        jobRuns.inc(job, ok ? "ok" : "failed");
        jobSeconds.observeSince(startNanos, job);
    }

    public void httpRequest(String route, int status) {
        httpRequests.inc(route, Integer.toString(status));
    }

    private static Map<String, Long> everyStatus(Map<OrderStatus, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (OrderStatus s : OrderStatus.values()) all.put(s.name().toLowerCase(java.util.Locale.ROOT), counts.getOrDefault(s, 0L));
        return all;
    }
}
