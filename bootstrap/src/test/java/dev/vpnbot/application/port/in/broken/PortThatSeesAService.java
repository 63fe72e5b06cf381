package dev.vpnbot.application.port.in.broken;

import dev.vpnbot.application.service.account.UserLookup;

/** Broken on purpose (ArchitectureTest): an in-port that names the service behind it. */
public interface PortThatSeesAService {
    UserLookup implementation();
}
