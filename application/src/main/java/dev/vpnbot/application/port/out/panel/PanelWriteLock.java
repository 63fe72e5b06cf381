package dev.vpnbot.application.port.out.panel;

import java.util.function.Supplier;

/**
 * Outgoing port: one writer per panel across every bot instance that shares the database.
 * Before 3x-ui v3.1 a panel rewrites an inbound's whole client list on each change without
 * locking, so two instances (or an admin editing by hand) writing at once silently lose a
 * change. The panel adapter holds this lock around every read-modify-write; inside one
 * process its own queue already keeps writes in order.
 */
public interface PanelWriteLock {

    /**
     * Runs {@code write} while no other instance holds the lock of {@code panel} (the panel's
     * base URL), waiting for it first. Throws {@link PanelException} of a transient kind when
     * the lock cannot be had in reasonable time; the lock is let go if this process dies.
     */
    <T> T whileHolding(String panel, Supplier<T> write);

    /** For a bot that runs as one instance: the adapter's own queue is all the ordering needed. */
    static PanelWriteLock singleInstance() {
        return new PanelWriteLock() {
            @Override
            public <T> T whileHolding(String panel, Supplier<T> write) {
                return write.get();
            }
        };
    }
}
