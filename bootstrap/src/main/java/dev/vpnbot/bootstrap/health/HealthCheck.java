package dev.vpnbot.bootstrap.health;

/**
 * Something {@code GET /healthz} asks about (the database, the panels). A check should answer
 * in a few seconds; the endpoint gives up on it after a timeout and reports it down.
 */
public interface HealthCheck {
    /** Short and stable: the key in the /healthz answer ("database", "panels"). */
    String name();

    Health check();
}
