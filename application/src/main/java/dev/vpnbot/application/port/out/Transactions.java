package dev.vpnbot.application.port.out;

import java.util.function.Supplier;

/**
 * Outgoing port: a unit of work. Everything the repositories do inside {@code work} commits
 * together or not at all; row locks taken by {@code findForUpdate} are held until then.
 * Nested calls join the outer transaction.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
