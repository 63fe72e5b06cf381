package dev.vpnbot.bootstrap.lifecycle;

/**
 * Brings the database schema up to date. Bound by the persistence module; run by
 * {@code vpnbot migrate} and first thing at every start.
 */
@FunctionalInterface
public interface SchemaMigration {
    /** Returns a one-line summary for the log ("2 migrations applied, schema at version 5"). */
    String migrate();
}
