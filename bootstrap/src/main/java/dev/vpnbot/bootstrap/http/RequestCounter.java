package dev.vpnbot.bootstrap.http;

/**
 * Hears every answered request, by route label ({@link Route#label()}, or "unknown") and
 * status. The metrics count them; the server only reports, so it knows nothing of metrics.
 */
@FunctionalInterface
public interface RequestCounter {
    void answered(String route, int status);
}
