package dev.vpnbot.bootstrap.http.broken;

import dev.vpnbot.bootstrap.http.enrollment.NodeEnrollmentEndpoint;

/** Broken on purpose (BootstrapPackagesTest): the server reaching into an endpoint; wiring mounts endpoints. */
public final class ServerThatKnowsAnEndpoint {
    NodeEnrollmentEndpoint endpoint;
}
