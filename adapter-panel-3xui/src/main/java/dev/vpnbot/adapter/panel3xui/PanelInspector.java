package dev.vpnbot.adapter.panel3xui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelApi;
import dev.vpnbot.adapter.panel3xui.session.PanelMessages;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.PanelSubscription;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.domain.server.PanelConnection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/** The {@link PanelInspection} port: a connection test, the list of inbounds, a new Reality inbound. */
final class PanelInspector implements PanelInspection {

    private static final Logger log = LoggerFactory.getLogger(PanelInspector.class);

    private final PanelSessions sessions;

    PanelInspector(PanelSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public PanelProbe probe(PanelConnection connection) {
        return probe(connection, null);
    }

    @Override
    public PanelProbe probe(PanelConnection connection, int inboundId) {
        return probe(connection, Integer.valueOf(inboundId));
    }

    /** Goes as far as it can and reports what it found, and the first problem as the reason it stopped. */
    private PanelProbe probe(PanelConnection connection, Integer inboundId) {
        return sessions.withInspectionSession(connection, s -> {
            boolean authenticated = false;
            String xray = null;
            List<PanelInbound> inbounds = List.of();
            PanelSubscription subscription = null;
            PanelProbe.Problem problem = null;
            try {
                s.generation();
                authenticated = true;
                inbounds = s.inbounds().stream().map(StoredInbound::summary).toList();
                subscription = s.subscription();
                xray = xrayVersion(s);
                if (inboundId != null) requireVless(inbounds, inboundId);
            } catch (PanelException e) {
                problem = new PanelProbe.Problem(e.kind(), e.getMessage());
            }
            return new PanelProbe(ApiGeneration.describe(s.knownGeneration()), xray, authenticated, s.certificate().orElse(null), inbounds,
                    subscription, problem);
        });
    }

    private static void requireVless(List<PanelInbound> inbounds, int inboundId) {
        PanelInbound target = inbounds.stream().filter(i -> i.id() == inboundId).findFirst()
                .orElseThrow(() -> new PanelException(PanelFault.INBOUND_NOT_FOUND, "panel has no inbound " + inboundId));
        if (!target.isVless()) {
            throw new PanelException(PanelFault.INBOUND_NOT_FOUND, "inbound " + inboundId + " is "
                    + target.protocol() + "; keys need a VLESS inbound");
        }
    }

    @Override
    public List<PanelInbound> listInbounds(PanelConnection connection) {
        return sessions.withInspectionSession(connection, s -> s.inbounds().stream().map(StoredInbound::summary).toList());
    }

    @Override
    public PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request) {
        return sessions.withInspectionSession(connection, s -> {
            ApiGeneration generation = s.generation();
            RealityKeys keys = realityKeys(s);
            ObjectNode body = RealityInboundBody.of(request, keys, generation, s.json());
            StoredInbound created = s.writes().run(() -> {
                Envelope e = s.call(a -> a.addInbound(body));
                if (!e.success()) {
                    if (e.says(PanelMessages.PORT_EXISTS)) {
                        throw new PanelException(PanelFault.REJECTED, "port " + request.port() + " is already used by another inbound on this panel");
                    }
                    throw new PanelException(PanelFault.REJECTED, "panel refused the new inbound: " + e.shortMsg());
                }
                return e.obj().isObject() ? StoredInbound.parse(e.obj(), s.json()) : null;
            });
            if (created != null) return created.summary();
            return s.inbounds().stream().filter(i -> i.port() == request.port()).findFirst().map(StoredInbound::summary)
                    .orElseThrow(() -> new PanelException(PanelFault.REJECTED, "the panel said the inbound was created but does not list it"));
        });
    }

    private static String xrayVersion(PanelSession s) {
        Optional<Envelope> status = s.callIfExists(PanelApi::status);
        if (status.isEmpty()) status = s.callIfExists(PanelApi::statusLegacy);
        return status.filter(Envelope::success).map(e -> e.obj().path("xray").path("version").asText(""))
                .filter(v -> !v.isBlank()).orElse(null);
    }

    private static RealityKeys realityKeys(PanelSession s) {
        for (Function<PanelApi, Call<ResponseBody>> route :
                List.<Function<PanelApi, Call<ResponseBody>>>of(PanelApi::newX25519, PanelApi::newX25519Legacy)) {
            Optional<Envelope> e = s.callIfExists(route);
            if (e.isPresent() && e.get().success()) {
                String priv = e.get().obj().path("privateKey").asText("");
                String pub = e.get().obj().path("publicKey").asText("");
                if (!priv.isBlank() && !pub.isBlank()) return new RealityKeys(priv.trim(), pub.trim());
            }
        }
        log.info("panel {} has no Reality key generator: generating the key pair here", s.name());
        return RealityKeys.generateLocally();
    }
}
