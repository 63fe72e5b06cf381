package dev.vpnbot.adapter.panel3xui.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelMessages;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link ClientUsage} port: one GET of the client's traffic row (xray.ClientTraffic), a read
 * that never takes the panel's write queue.
 * <ul>
 *   <li>v2.x – v3.0: {@code GET panel/api/inbounds/getClientTraffics/:email}
 *       (MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go#L35, #L84-L92);</li>
 *   <li>v3.1+: {@code GET panel/api/clients/traffic/:email}
 *       (MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L36, #L307-L315;
 *       v3.6.0:internal/web/controller/client.go#L52, #L560-L567).</li>
 * </ul>
 * An unknown email is {@code obj: null} on v2.4 – 2.7 and v3.6, or "Inbound Not Found For Email"
 * on v2.8 – v3.1 (v2.8.11:web/service/inbound.go#L1396-L1403, #L2027-L2041). {@code lastOnline}
 * exists from v2.8 (v2.8.11:xray/client_traffic.go#L5-L19); 0 means never seen.
 */
public final class ClientTraffics implements ClientUsage {
    private final Function<Server, PanelSession> sessions;

    public ClientTraffics(Function<Server, PanelSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<PanelUsage> usage(Server server, PanelClientId client) {
        PanelSession s = sessions.apply(server);
        return s.withGeneration(generation -> {
            String email = client.email();
            Envelope e = s.call(generation == ApiGeneration.CLIENTS_API ? a -> a.clientTrafficV3(email) : a -> a.clientTraffic(email));
            if (!e.success()) {
                if (PanelMessages.isUnknownClient(e) || e.says(PanelMessages.RECORD_NOT_FOUND)) return Optional.empty();
                throw new PanelException(PanelFault.REJECTED, "panel " + s.name() + " would not show the traffic of " + email + ": "
                        + e.shortMsg());
            }
            JsonNode row = e.obj();
            if (row == null || !row.isObject()) return Optional.empty();
            String uuid = row.path("uuid").asText("");
            // v2.8+ fill uuid from the client: a row of someone else's client with our email is not ours
            if (!uuid.isEmpty() && !uuid.equalsIgnoreCase(client.uuid().toString())) return Optional.empty();
            return Optional.of(usage(row));
        });
    }

    private static PanelUsage usage(JsonNode row) {
        long lastOnline = StoredClient.number(row.get("lastOnline"));
        return new PanelUsage(row.path("enable").asBoolean(true),
                Math.max(0, StoredClient.number(row.get("up"))), Math.max(0, StoredClient.number(row.get("down"))),
                Math.max(0, StoredClient.number(row.get("total"))),
                lastOnline > 0 ? Instant.ofEpochMilli(lastOnline) : null);
    }
}
