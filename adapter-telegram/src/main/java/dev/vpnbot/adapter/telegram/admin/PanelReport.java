package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.PanelSubscription;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What a panel connection test found, written for an admin: API generation, login, the TLS
 * certificate with both fingerprints, inbounds, subscription settings, or the precise problem
 * with what to do about it. Never contains credentials: the probe has none.
 */
final class PanelReport {
    private PanelReport() {}

    static String html(Texts t, PanelProbe probe, String baseUrl, ZoneId zone) {
        StringBuilder out = new StringBuilder(t.html(probe.ok() ? "admin.probe.ok" : "admin.probe.failed")).append('\n');
        if (probe.api() != null) {
            out.append(t.html("admin.probe.api", probe.api().name(), probe.api().releases())).append('\n');
        } else {
            out.append(t.html("admin.probe.api_unknown")).append('\n');
        }
        if (probe.xrayVersion() != null) out.append(t.html("admin.probe.xray", probe.xrayVersion())).append('\n');
        out.append(t.html(probe.authenticated() ? "admin.probe.auth_ok" : "admin.probe.auth_failed")).append('\n');
        PanelCertificate certificate = probe.certificate();
        if (certificate != null) {
            out.append(t.html("admin.probe.certificate", certificate.subject(), certificate.issuer(),
                    t.date(certificate.notAfter(), zone), fingerprint(certificate.certificateSha256()),
                    fingerprint(certificate.publicKeySha256()))).append('\n');
            out.append(t.html(certificate.trusted() ? "admin.probe.trusted"
                    : certificate.isSelfSigned() ? "admin.probe.self_signed" : "admin.probe.untrusted")).append('\n');
        } else if (baseUrl != null && baseUrl.regionMatches(true, 0, "http:", 0, 5)) {
            out.append(t.html("admin.probe.plain_http")).append('\n');
        }
        if (probe.authenticated()) {
            if (probe.inbounds().isEmpty()) {
                out.append(t.html("admin.probe.no_inbounds")).append('\n');
            } else {
                out.append(t.html("admin.probe.inbounds")).append('\n');
                for (PanelInbound inbound : probe.inbounds()) out.append(inbound(t, inbound)).append('\n');
            }
            out.append(subscription(t, probe.subscription(), baseUrl)).append('\n');
        }
        if (probe.problem() != null) {
            out.append('\n').append(problem(t, probe.problem()));
        }
        return out.toString().strip();
    }

    /** "❌ what went wrong and what to do" followed by the panel adapter's own words. */
    static String problem(Texts t, PanelProbe.Problem problem) {
        return t.htmlRaw("admin.probe.problem", t.html("admin.problem." + problem.kind().name()), Html.escape(problem.message()));
    }

    static String inbound(Texts t, PanelInbound inbound) {
        String transport = inbound.network().isEmpty() ? "—" : inbound.network();
        return t.html(inbound.enabled() ? "admin.probe.inbound" : "admin.probe.inbound_off", inbound.id(), inbound.remark(),
                inbound.protocol(), transport, inbound.security(), inbound.port(), inbound.clientCount());
    }

    /** A fingerprint as openssl prints it: upper-case hex pairs with colons, easy to compare. */
    static String fingerprint(String sha256) {
        String hex = sha256.replace(":", "").toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) out.append(':');
            out.append(hex, i, Math.min(i + 2, hex.length()));
        }
        return out.toString();
    }

    private static String subscription(Texts t, PanelSubscription subscription, String baseUrl) {
        if (subscription == null) return t.html("admin.probe.subscription_unknown");
        if (!subscription.enabled()) return t.html("admin.probe.subscription_off");
        String url = subscription.uri();
        if (url == null) {
            String host = subscription.domain() != null ? subscription.domain() : host(baseUrl);
            url = (subscription.tls() ? "https" : "http") + "://" + host + (subscription.port() > 0 ? ":" + subscription.port() : "")
                    + subscription.path();
        }
        return t.html("admin.probe.subscription", url);
    }

    private static String host(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "?" : host;
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
