package dev.vpnbot.adapter.panel3xui.client;

import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelMessages;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.util.function.Function;

/**
 * The {@link ClientQuota} port. Limits are {@code limitIp} and {@code totalGB} (bytes) of the
 * stored client, changed by the same checked read-modify-write as the expiry (the panel replaces
 * a client whole); the panel copies {@code totalGB} into the traffic row's {@code total} on update.
 * A traffic reset is its own route: {@code POST panel/api/inbounds/:id/resetClientTraffic/:email}
 * up to v3.0, {@code POST panel/api/clients/resetTraffic/:email} from v3.1.
 *
 * <p>The client's own {@code reset} field is left alone on purpose: the panel's auto-renew job
 * (MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L1126-L1135) moves an expired client's
 * {@code expiryTime} forward by {@code reset} days, which would hand out unpaid time.
 */
public final class ClientQuotas implements ClientQuota {
    private final Function<Server, PanelSession> sessions;

    public ClientQuotas(Function<Server, PanelSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void setLimits(Server server, PanelClientId client, int limitIp, long totalBytes) {
        if (limitIp < 0 || totalBytes < 0) throw new IllegalArgumentException("limits cannot be negative");
        PanelSession s = sessions.apply(server);
        s.withGeneration(generation -> s.writes().run(() -> {
            ClientRoutes routes = ClientRoutes.of(generation, s);
            boolean already = routes.find(server.inboundId(), client.email())
                    .map(ClientRoutes.Found::client)
                    .filter(c -> c.isOurs(client.uuid()) && c.limitIp() == limitIp && c.totalGB() == totalBytes)
                    .isPresent();
            if (!already) {
                new ClientSync(s, routes, server.inboundId()).change(client.email(), client.uuid(), "set the limits of",
                        c -> c.withLimits(limitIp, totalBytes), c -> c.limitIp() == limitIp && c.totalGB() == totalBytes);
            }
            return null;
        }));
    }

    @Override
    public void resetTraffic(Server server, PanelClientId client) {
        PanelSession s = sessions.apply(server);
        String email = client.email();
        s.withGeneration(generation -> s.writes().run(() -> {
            Envelope e = s.call(generation == ApiGeneration.CLIENTS_API ? a -> a.resetClientTrafficV3(email)
                    : a -> a.resetClientTraffic(server.inboundId(), email));
            if (e.success()) return null;
            if (PanelMessages.isUnknownClient(e) || e.says(PanelMessages.RECORD_NOT_FOUND)) {
                throw new PanelException(PanelFault.CLIENT_NOT_FOUND, "panel " + s.name() + " has no client " + email);
            }
            throw new PanelException(PanelFault.REJECTED, "panel " + s.name() + " refused to reset the traffic of " + email + ": "
                    + e.shortMsg());
        }));
    }
}
