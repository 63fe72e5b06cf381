package dev.vpnbot.adapter.simulated;

import dev.vpnbot.application.model.panel.PanelApi;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the admin's connection test sees of simulated panels, each answering as a v2.x panel with
 * one VLESS Reality inbound; nothing is contacted. Tests place panels at addresses with one
 * password ({@link #panelAt}), and anything else is answered as the real adapter would (a wrong
 * base path, bad credentials). The sandbox uses {@link #everyAddressAnswers()}, so adding a
 * server can be tried end to end with any address and login.
 */
public final class SimulatedPanelInspection implements PanelInspection {
    /** The Xray version every simulated panel reports. */
    public static final String XRAY_VERSION = "25.9.11";
    private static final PanelApi API = new PanelApi("LEGACY", "v1.x–v2.x");

    /** A panel: the password it accepts (null: any login) and its inbounds. */
    private record Panel(String password, List<PanelInbound> inbounds) {}

    private final Map<String, Panel> panels = new ConcurrentHashMap<>();
    private final Panel anywhere;
    private final AtomicInteger nextInbound = new AtomicInteger(10);

    /** No panel anywhere until {@link #panelAt} places one. */
    public SimulatedPanelInspection() {
        this(null);
    }

    private SimulatedPanelInspection(Panel anywhere) {
        this.anywhere = anywhere;
    }

    /** The sandbox's: one panel answers at every address and accepts any login. */
    public static SimulatedPanelInspection everyAddressAnswers() {
        return new SimulatedPanelInspection(new Panel(null, inbounds("sandbox-reality")));
    }

    /** A panel at {@code baseUrl} accepting {@code password}, with one VLESS Reality inbound id 1. */
    public void panelAt(String baseUrl, String password) {
        panels.put(baseUrl, new Panel(password, inbounds("main")));
    }

    private static List<PanelInbound> inbounds(String remark) {
        return new CopyOnWriteArrayList<>(List.of(new PanelInbound(1, remark, "vless", 443, "tcp", "reality", true, 0)));
    }

    @Override
    public PanelProbe probe(PanelConnection connection) {
        Panel panel = panel(connection);
        if (panel == null) return failed(false, PanelFault.WRONG_BASE_PATH, "every route answers 404: check the web base path");
        if (!accepted(panel, connection.credentials())) return failed(false, PanelFault.BAD_CREDENTIALS, "wrong username or password");
        return new PanelProbe(API, XRAY_VERSION, true, null, panel.inbounds(), null, null);
    }

    @Override
    public PanelProbe probe(PanelConnection connection, int inboundId) {
        PanelProbe probe = probe(connection);
        if (!probe.ok()) return probe;
        if (probe.inbound(inboundId).filter(PanelInbound::isVless).isEmpty()) {
            // a failed probe still carries what it learnt: the operator sees which inbounds there are
            return new PanelProbe(API, XRAY_VERSION, true, null, probe.inbounds(), null,
                    new PanelProbe.Problem(PanelFault.INBOUND_NOT_FOUND, "no VLESS inbound " + inboundId));
        }
        return probe;
    }

    @Override
    public List<PanelInbound> listInbounds(PanelConnection connection) {
        PanelProbe probe = probe(connection);
        if (!probe.ok()) throw new PanelException(probe.problem().kind(), probe.problem().message());
        return probe.inbounds();
    }

    @Override
    public PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request) {
        Panel panel = panel(connection);
        if (panel == null || !accepted(panel, connection.credentials())) {
            throw new PanelException(PanelFault.BAD_CREDENTIALS, "cannot log in");
        }
        synchronized (panel) {
            if (panel.inbounds().stream().anyMatch(i -> i.port() == request.port())) {
                throw new PanelException(PanelFault.REJECTED, "Port already exists: " + request.port());
            }
            PanelInbound created = new PanelInbound(nextInbound.incrementAndGet(), request.remark(), "vless", request.port(),
                    "tcp", "reality", true, 0);
            panel.inbounds().add(created);
            return created;
        }
    }

    private Panel panel(PanelConnection connection) {
        return panels.getOrDefault(connection.baseUrl(), anywhere);
    }

    private static boolean accepted(Panel panel, PanelCredentials credentials) {
        if (panel.password() == null) return true;
        return credentials instanceof PanelCredentials.Password p && p.password().equals(panel.password());
    }

    private static PanelProbe failed(boolean authenticated, PanelFault kind, String message) {
        return new PanelProbe(null, null, authenticated, null, List.of(), null, new PanelProbe.Problem(kind, message));
    }
}
