package dev.vpnbot.bootstrap.broken;

/** Broken on purpose (BootstrapPackagesTest): a class in a bootstrap package that is none of its rooms. */
public final class EndpointOutsideTheRooms {
}
