package dev.vpnbot.bootstrap.metrics.broken;

import dev.vpnbot.bootstrap.http.broken.ServerThatCounts;

/** Broken on purpose (BootstrapPackagesTest): metrics serving a route of the server that counts in them. */
public final class PageThatServes {
    ServerThatCounts server;
}
