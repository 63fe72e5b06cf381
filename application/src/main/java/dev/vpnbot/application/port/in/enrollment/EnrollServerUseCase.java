package dev.vpnbot.application.port.in.enrollment;

import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;

/**
 * Use case (no admin: the one-time token is the permission): a freshly installed node joins as
 * a server. The panel is probed with the node's certificate SHA-256 pinned, a VLESS Reality
 * inbound is created as the admin's add-server flow creates it, the server is stored (secrets
 * encrypted) and the admins are told. Any refusal ({@link EnrollmentRefused}) stores nothing
 * and leaves the token usable, except a token that was already used or expired.
 */
public interface EnrollServerUseCase {

    int DEFAULT_INBOUND_PORT = 443;
    String DEFAULT_SNI = "www.microsoft.com";

    /**
     * @param serverName        the name the node asks for, or null for the token's (it must match)
     * @param panelUrl          https URL with the panel's secret web base path
     * @param certificateSha256 SHA-256 of the panel's certificate (DER), to pin
     * @param inboundPort       the Reality inbound's port, 0 for {@value #DEFAULT_INBOUND_PORT}
     * @param sni               the Reality server name, null for {@value #DEFAULT_SNI}
     */
    record EnrollCommand(String token, String serverName, String panelUrl, PanelCredentials credentials,
                         String certificateSha256, int inboundPort, String sni) {
        @Override
        public String toString() {
            return "EnrollCommand[panelUrl=" + panelUrl + ", serverName=" + serverName + ", token=***, credentials=" + credentials + "]";
        }
    }

    Server enroll(EnrollCommand command);
}
