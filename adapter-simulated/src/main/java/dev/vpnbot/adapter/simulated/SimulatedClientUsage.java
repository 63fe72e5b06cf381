package dev.vpnbot.adapter.simulated;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The usage and limits of the {@link SimulatedVpnPanel}'s clients: its switch comes from the simulated panel
 * (so an outage there is an outage here), the traffic from what a test or the sandbox set. A
 * client nobody set traffic for has moved nothing and was never online.
 */
public final class SimulatedClientUsage implements ClientUsage, ClientQuota {

    private record Traffic(long up, long down, long total, Instant lastOnline) {}

    private final SimulatedVpnPanel panel;
    private final Map<String, Traffic> traffic = new ConcurrentHashMap<>();
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Map<String, Integer> deviceLimits = new ConcurrentHashMap<>();

    public SimulatedClientUsage(SimulatedVpnPanel panel) {
        this.panel = panel;
    }

    @Override
    public Optional<PanelUsage> usage(Server server, PanelClientId client) {
        reads.incrementAndGet();
        CountDownLatch gate = held.get();
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        Optional<PanelClientState> state = panel.findClient(server, client);
        if (state.isEmpty()) return Optional.empty();
        Traffic t = traffic.getOrDefault(client.email(), new Traffic(0, 0, 0, null));
        boolean overQuota = t.total() > 0 && t.up() + t.down() >= t.total();
        return Optional.of(new PanelUsage(state.get().enabled() && !overQuota, t.up(), t.down(), t.total(), t.lastOnline()));
    }

    @Override
    public void setLimits(Server server, PanelClientId client, int limitIp, long totalBytes) {
        requireClient(server, client);
        deviceLimits.put(client.email(), limitIp);
        setQuota(client.email(), totalBytes);
    }

    @Override
    public void resetTraffic(Server server, PanelClientId client) {
        requireClient(server, client);
        traffic.computeIfPresent(client.email(), (email, t) -> new Traffic(0, 0, t.total(), t.lastOnline()));
    }

    /** The device limit last set for the client (0: none set). */
    public int deviceLimit(String email) {
        return deviceLimits.getOrDefault(email, 0);
    }

    private void requireClient(Server server, PanelClientId client) {
        if (panel.findClient(server, client).isEmpty()) {
            throw new PanelException(PanelFault.CLIENT_NOT_FOUND, "no client " + client.email() + " (simulated)");
        }
    }

    // --- test hooks -----------------------------------------------------------------------------

    /** The client moved this much and was last online then (null: never). */
    public void setTraffic(String email, long up, long down, Instant lastOnline) {
        traffic.merge(email, new Traffic(up, down, 0, lastOnline), (old, now) -> new Traffic(up, down, old.total(), lastOnline));
    }

    /** The client's quota in bytes (0: unlimited). */
    public void setQuota(String email, long totalBytes) {
        traffic.merge(email, new Traffic(0, 0, totalBytes, null), (old, now) -> new Traffic(old.up(), old.down(), totalBytes, old.lastOnline()));
    }

    /** From now on every read waits until {@link #answer()}: a panel that hangs. */
    public void hang() {
        held.set(new CountDownLatch(1));
    }

    /** Lets waiting and later reads through. */
    public void answer() {
        CountDownLatch gate = held.getAndSet(null);
        if (gate != null) gate.countDown();
    }

    /** How many times the panel was asked. */
    public int reads() {
        return reads.get();
    }
}
