package dev.vpnbot.bootstrap.health;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the last call to each server's panel said. Fed by every panel call (through the measured
 * panel, including the scheduler's periodic probe), read by {@code /healthz}: no extra traffic
 * to the panels when a monitor polls. Servers are named by the name the admin gave them, never
 * by the panel's URL: its path is the panel's secret web path, and /healthz is often public.
 */
public final class PanelHealth implements HealthCheck {
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    /** The last call to one panel. */
    public record LastCall(Instant at, String server, boolean reachable, String problem) {}

    private final Map<ServerId, LastCall> last = new ConcurrentHashMap<>();
    private final Clock clock;

    public PanelHealth(Clock clock) {
        this.clock = clock;
    }

    public void succeeded(Server server) {
        last.put(server.id(), new LastCall(clock.instant(), server.name(), true, null));
    }

    /** A panel that answered "no such client" or "duplicate email" is working; anything else is not. */
    public void failed(Server server, RuntimeException e) {
        if (e instanceof PanelException p && (p.kind() == PanelFault.CLIENT_NOT_FOUND
                || p.kind() == PanelFault.DUPLICATE_EMAIL)) {
            succeeded(server);
            return;
        }
        String cause = e instanceof PanelException p ? p.kind().name() : e.getClass().getSimpleName();
        last.put(server.id(), new LastCall(clock.instant(), server.name(), false, cause + ": " + withoutAddress(e.getMessage(), server)));
    }

    /** The adapters' messages name the panel's URL; here it becomes "the panel". */
    static String withoutAddress(String message, Server server) {
        if (message == null) return "no detail";
        String base = server.connection().baseUrl();
        String text = base.isEmpty() ? message : message.replace(base, "the panel").replace(base.replaceAll("/+$", ""), "the panel");
        return URL.matcher(text).replaceAll("the panel");
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
                .map(e -> "server " + e.getKey() + " '" + e.getValue().server() + "' (last call " + e.getValue().at() + "): "
                        + e.getValue().problem())
                .collect(Collectors.joining("; "));
        return Health.degraded(failing.size() + " of " + last.size() + " panel(s) failing: " + detail);
    }
}
