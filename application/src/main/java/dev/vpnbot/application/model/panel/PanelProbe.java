package dev.vpnbot.application.model.panel;

import java.util.List;
import java.util.Optional;

/**
 * What a connection test found out about a panel. A failed probe still carries everything
 * learnt before the failure (for instance the certificate to pin after a TLS refusal).
 *
 * @param api           the API the panel speaks, or null when it could not be told
 * @param xrayVersion   the Xray core version the panel reports, or null
 * @param authenticated whether the credentials were accepted
 * @param certificate   the certificate seen (https only), or null
 * @param inbounds      the panel's inbounds (empty unless authenticated)
 * @param subscription  the subscription server settings, or null when the panel did not tell
 * @param problem       why the probe failed, or null when everything worked
 */
public record PanelProbe(PanelApi api, String xrayVersion, boolean authenticated,
                         PanelCertificate certificate, List<PanelInbound> inbounds,
                         PanelSubscription subscription, Problem problem) {

    /** A failure with its cause, in words an operator can act on. */
    public record Problem(PanelFault kind, String message) {}

    public PanelProbe {
        inbounds = List.copyOf(inbounds);
    }

    public boolean ok() {
        return problem == null;
    }

    public Optional<PanelInbound> inbound(int id) {
        return inbounds.stream().filter(i -> i.id() == id).findFirst();
    }
}
