package dev.vpnbot.application.model.panel;

/**
 * A panel's subscription server settings, from which it builds subscription URLs.
 *
 * @param uri    the operator's explicit subscription URI (subURI), or null: it wins when set
 * @param domain subDomain, or null to use the panel's host
 * @param path   subPath, always starting and ending with '/'
 * @param tls    whether the subscription server has its own certificate (https)
 */
public record PanelSubscription(boolean enabled, String uri, String domain, int port, String path, boolean tls) {

    public PanelSubscription {
        uri = blankToNull(uri);
        domain = blankToNull(domain);
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("subscription port out of range: " + port);
        String p = path == null || path.isBlank() ? "/sub/" : path.trim();
        if (!p.startsWith("/")) p = "/" + p;
        if (!p.endsWith("/")) p = p + "/";
        path = p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
