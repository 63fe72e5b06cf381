package dev.vpnbot.application.port.out.enrollment;

/**
 * One enrolment request a node wrote into the database (the database route) instead of calling
 * {@code POST /nodes/enroll}; the fields are the endpoint's, as plain as the node wrote them.
 *
 * @param serverName    null to take the token's name
 * @param username      with {@code password}, or null when {@code apiToken} is given
 * @param inboundPort   0 for the default
 * @param sni           null for the default
 */
public record QueuedEnrollment(long id, String token, String serverName, String panelUrl, String username, String password,
                               String apiToken, String certificateSha256, int inboundPort, String sni) {

    @Override
    public String toString() {
        return "QueuedEnrollment[id=" + id + ", panelUrl=" + panelUrl + ", serverName=" + serverName + ", secrets=***]";
    }
}
