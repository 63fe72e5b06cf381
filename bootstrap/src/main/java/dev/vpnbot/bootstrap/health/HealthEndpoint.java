package dev.vpnbot.bootstrap.health;

import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /healthz}: every check, run in parallel, each given {@code timeout}. The answer is
 * 200 while nothing is DOWN (a failing panel only degrades the shop) and 503 otherwise, so a
 * supervisor restarts the bot only when restarting can help.
 */
public final class HealthEndpoint implements WebHandler, AutoCloseable {
    private final List<HealthCheck> checks;
    private final Duration timeout;
    private final ExecutorService pool;

    public HealthEndpoint(Set<HealthCheck> checks, Duration timeout) {
        this.checks = checks.stream().sorted(Comparator.comparing(HealthCheck::name)).toList();
        this.timeout = timeout;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "health-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every check now. */
    public Map<String, Health> checkAll() {
        List<CompletableFuture<Health>> running = new ArrayList<>();
        for (HealthCheck c : checks) running.add(CompletableFuture.supplyAsync(c::check, pool));
        Map<String, Health> results = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < checks.size(); i++) {
            results.put(checks.get(i).name(), await(running.get(i), deadline));
        }
        return results;
    }

    private Health await(CompletableFuture<Health> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return Health.down("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public WebReply handle(WebRequest request) {
        Map<String, Health> results = checkAll();
        Health.Status overall = results.values().stream().map(Health::status)
                .max(Comparator.naturalOrder()).orElse(Health.Status.UP);
        StringBuilder json = new StringBuilder("{\"status\":\"").append(overall).append("\",\"checks\":{");
        String sep = "";
        for (var e : results.entrySet()) {
            json.append(sep).append('"').append(jsonText(e.getKey())).append("\":{\"status\":\"").append(e.getValue().status())
                    .append("\",\"detail\":\"").append(jsonText(e.getValue().detail())).append("\"}");
            sep = ",";
        }
        json.append("}}\n");
        return WebReply.json(overall == Health.Status.DOWN ? 503 : 200, json.toString());
    }

    static String jsonText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
