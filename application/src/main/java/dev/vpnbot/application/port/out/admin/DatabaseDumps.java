package dev.vpnbot.application.port.out.admin;

import java.nio.file.Path;

/** Outgoing port: a dump of the whole database (pg_dump, custom format) into a file. */
public interface DatabaseDumps {

    /**
     * Writes the dump to {@code file}, which appears only once complete (no half-written dump
     * under that name). Throws {@link DumpFailed} with the reason in words.
     */
    void dumpTo(Path file);

    /** The dump could not be made: pg_dump missing, refused, or cut short. */
    final class DumpFailed extends RuntimeException {
        public DumpFailed(String message) {
            super(message);
        }
    }
}
