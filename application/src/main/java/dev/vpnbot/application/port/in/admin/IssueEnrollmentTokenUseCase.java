package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.server.EnrollmentToken;
import dev.vpnbot.domain.user.UserId;

/**
 * Use case (admins only): a one-time token with which one new node enrols itself as the named
 * server ({@code deploy/node/install.sh}). The secret is shown once and never stored.
 */
public interface IssueEnrollmentTokenUseCase {

    /** The secret to hand to the node, and what it permits. */
    record IssuedToken(String secret, EnrollmentToken token) {
        @Override
        public String toString() {
            return "IssuedToken[secret=***, token=" + token + "]";
        }
    }

    /** @param group a server group name, kept as plain text on the token (groups do not exist yet), or null */
    IssuedToken issue(UserId actor, String serverName, int maxClients, String group);
}
