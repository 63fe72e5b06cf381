package dev.vpnbot.bootstrap.lifecycle;

import java.util.Objects;

/**
 * Something to close at shutdown, after updates, HTTP and background jobs have stopped, in
 * the order of {@link CloseOrder}: what sends messages first (it may still flush), storage last.
 */
public record ManagedResource(String name, CloseOrder order, AutoCloseable resource) {

    public enum CloseOrder {
        /** Outgoing message queues: flushed while HTTP clients and the database are still there. */
        MESSAGING,
        /** The adapters' HTTP clients (3x-ui sessions). */
        CLIENTS,
        /** The one OkHttp client the adapters derive theirs from: after every adapter that calls through it. */
        SHARED_HTTP,
        /** Connection pools: last, everything above may still write. */
        STORAGE
    }

    public ManagedResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(resource, "resource");
    }
}
