package dev.vpnbot.bootstrap.http.broken;

import dev.vpnbot.bootstrap.metrics.broken.PageThatServes;

/** Broken on purpose (BootstrapPackagesTest): the server counting in metrics, which serve a route. */
public final class ServerThatCounts {
    final PageThatServes metrics = new PageThatServes();
}
