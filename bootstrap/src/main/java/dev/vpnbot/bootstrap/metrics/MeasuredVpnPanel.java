package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.bootstrap.health.PanelHealth;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decorator: times every panel call, counts failures by cause, and tells {@link PanelHealth}
 * how each server's panel is doing. Behaviour is the wrapped panel's, exceptions included.
 */
public final class MeasuredVpnPanel implements VpnPanel {
    private final VpnPanel panel;
    private final BotMetrics metrics;
    private final PanelHealth health;

    public MeasuredVpnPanel(VpnPanel panel, BotMetrics metrics, PanelHealth health) {
        this.panel = panel;
        this.metrics = metrics;
        this.health = health;
    }

    @Override
    public KeyLinks createClient(Server server, NewPanelClient client) {
        return measure("create_client", server, () -> panel.createClient(server, client));
    }

    /** Timed as {@code create_client} when it created the client (as fulfilment's first delivery does), else {@code repair_client}. */
    @Override
    public PanelRepair repairClient(Server server, NewPanelClient wanted) {
        Timer.Sample start = Timer.start();
        String operation = "repair_client";
        try {
            PanelRepair repair = panel.repairClient(server, wanted);
            if (repair.fixes().contains(PanelRepair.Fix.CREATED)) operation = "create_client";
            health.succeeded(server);
            return repair;
        } catch (RuntimeException e) {
            failed(operation, server, e);
            throw e;
        } finally {
            start.stop(metrics.panelCalls.withTag("operation", operation));
        }
    }

    @Override
    public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
        measure("set_expiry", server, () -> {
            panel.setExpiry(server, client, expiresAt);
            return null;
        });
    }

    @Override
    public void setEnabled(Server server, PanelClientId client, boolean enabled) {
        measure("set_enabled", server, () -> {
            panel.setEnabled(server, client, enabled);
            return null;
        });
    }

    @Override
    public Optional<PanelClientState> findClient(Server server, PanelClientId client) {
        return measure("find_client", server, () -> panel.findClient(server, client));
    }

    @Override
    public void deleteClient(Server server, PanelClientId client) {
        measure("delete_client", server, () -> {
            panel.deleteClient(server, client);
            return null;
        });
    }

    @Override
    public KeyLinks links(Server server, PanelClientId client) {
        return measure("links", server, () -> panel.links(server, client));
    }

    private <T> T measure(String operation, Server server, Supplier<T> call) {
        Timer.Sample start = Timer.start();
        try {
            T result = call.get();
            health.succeeded(server);
            return result;
        } catch (RuntimeException e) {
            failed(operation, server, e);
            throw e;
        } finally {
            start.stop(metrics.panelCalls.withTag("operation", operation));
        }
    }

    private void failed(String operation, Server server, RuntimeException e) {
        String kind = e instanceof PanelException p ? p.kind().name().toLowerCase(Locale.ROOT) : "unexpected";
        metrics.panelErrors.withTags("operation", operation, "server", server.id().toString(), "kind", kind).increment();
        health.failed(server, e);
    }
}
