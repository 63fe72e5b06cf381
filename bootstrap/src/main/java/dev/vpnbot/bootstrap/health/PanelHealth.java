package dev.vpnbot.bootstrap.health;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the last call to each server's panel said. Fed by every panel call (through the measured
 * panel, including the scheduler's periodic probe), read by {@code /healthz}: no extra traffic
 * to the panels when a monitor polls.
 */
public final class PanelHealth implements HealthCheck {

    /** The last call to one panel. */
    public record LastCall(Instant at, boolean reachable, String problem) {}

    private final Map<ServerId, LastCall> last = new ConcurrentHashMap<>();
    private final Clock clock;

    public PanelHealth(Clock clock) {
        this.clock = clock;
    }

    public void succeeded(ServerId server) {
        last.put(server, new LastCall(clock.instant(), true, null));
    }

    /** A panel that answered "no such client" or "duplicate email" is working; anything else is not. */
    public void failed(ServerId server, RuntimeException e) {
        if (e instanceof PanelException p && (p.kind() == PanelFault.CLIENT_NOT_FOUND
                || p.kind() == PanelFault.DUPLICATE_EMAIL)) {
            succeeded(server);
            return;
        }
        String cause = e instanceof PanelException p ? p.kind().name() : e.getClass().getSimpleName();
        last.put(server, new LastCall(clock.instant(), false, cause + ": " + e.getMessage()));
    }

    /** A server that was deleted no longer counts. */
    public void forget(ServerId server) {
        last.remove(server);
    }

    public Map<ServerId, LastCall> lastCalls() {
        return Map.copyOf(last);
    }

    @Override
    public String name() {
        return "panels";
    }

    @Override
    public Health check() {
        if (last.isEmpty()) return Health.up("no panel called yet");
        Map<Long, LastCall> failing = new TreeMap<>();
        last.forEach((id, call) -> {
            if (!call.reachable()) failing.put(id.value(), call);
        });
        if (failing.isEmpty()) return Health.up(last.size() + " panel(s) answering");
        String detail = failing.entrySet().stream()
                .map(e -> "server " + e.getKey() + " (last call " + e.getValue().at() + "): " + e.getValue().problem())
                .collect(Collectors.joining("; "));
        return Health.degraded(failing.size() + " of " + last.size() + " panel(s) failing: " + detail);
    }
}
