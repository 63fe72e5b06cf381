package dev.vpnbot.adapter.postgres;

/**
 * What a migration run did, for the start-up log and the {@code migrate} command.
 *
 * @param fromVersion the schema version before the run, or null for an empty schema
 * @param toVersion   the schema version after it
 * @param applied     migrations applied by this run (0 when the schema was current)
 */
public record MigrationReport(String schema, String fromVersion, String toVersion, int applied) {
    @Override
    public String toString() {
        return applied == 0
                ? "schema " + schema + " is current at version " + toVersion
                : "schema " + schema + " migrated from " + (fromVersion == null ? "empty" : "version " + fromVersion)
                        + " to version " + toVersion + " (" + applied + " migration" + (applied == 1 ? "" : "s") + ")";
    }
}
