package dev.vpnbot.application.model.panel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A new VLESS + Reality inbound (TCP, Vision-capable) to create on a fresh panel.
 *
 * @param serverName the SNI clients present, a real TLS 1.3 site such as www.microsoft.com
 * @param target     where Reality forwards probes, host:port; defaults to serverName:443
 */
public record RealityInboundRequest(int port, String remark, String serverName, String target) {

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public RealityInboundRequest {
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be 1..65535, got " + port);
        remark = remark == null ? "" : remark.strip();
        if (remark.isEmpty() || remark.length() > 64) throw new IllegalArgumentException("remark must be 1..64 characters");
        serverName = serverName == null ? "" : serverName.trim().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(serverName).matches()) {
            throw new IllegalArgumentException("server name must be a domain name such as www.microsoft.com, got '" + serverName + "'");
        }
        target = target == null || target.isBlank() ? serverName + ":443" : target.trim();
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || !target.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("target must be host:port, got '" + target + "'");
        }
    }

    public RealityInboundRequest(int port, String remark, String serverName) {
        this(port, remark, serverName, null);
    }
}
