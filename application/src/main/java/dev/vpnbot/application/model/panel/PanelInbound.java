package dev.vpnbot.application.model.panel;

import java.util.Locale;
import java.util.Objects;

/**
 * One inbound (listening port) of a panel, as an admin needs to see it when choosing where
 * keys are created.
 *
 * @param network  the transport: tcp, ws, grpc, xhttp, httpupgrade, kcp… ("" when the protocol has none)
 * @param security none, tls or reality
 */
public record PanelInbound(int id, String remark, String protocol, int port, String network, String security,
                           boolean enabled, int clientCount) {

    public static final String VISION_FLOW = "xtls-rprx-vision";

    public PanelInbound {
        Objects.requireNonNull(remark, "remark");
        protocol = lower(protocol);
        network = lower(network);
        security = security == null || security.isBlank() ? "none" : lower(security);
        if (clientCount < 0) throw new IllegalArgumentException("client count cannot be negative");
    }

    public boolean isVless() {
        return protocol.equals("vless");
    }

    /** XTLS Vision works only for VLESS over raw TCP with TLS or Reality. */
    public boolean carriesVisionFlow() {
        return isVless() && network.equals("tcp") && (security.equals("tls") || security.equals("reality"));
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
