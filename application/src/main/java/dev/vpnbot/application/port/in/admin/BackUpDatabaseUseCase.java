package dev.vpnbot.application.port.in.admin;

import java.nio.file.Path;
import java.util.List;

/**
 * Use case (the schedule and the operator's console): a backup of the whole database in
 * pg_dump's custom format, kept in the backup directory (the newest {@code BACKUP_KEEP}) and,
 * where the bot runs, sent to the backup chat when it is small enough for Telegram.
 */
public interface BackUpDatabaseUseCase {

    enum Outcome {
        /** Made and delivered to the backup chat. */
        SENT,
        /** Made and kept here only: no chat to send it to (the operator's console). */
        KEPT,
        /** Made and kept here, but over the size guard: not sent. */
        KEPT_TOO_LARGE,
        /** Made and kept here, but the backup chat did not take it (the problem says why). */
        KEPT_UNDELIVERED,
        /** No backup was made (the problem says why). */
        FAILED
    }

    /**
     * @param file    the backup, or null when none was made
     * @param problem what went wrong, in words for the operator; empty when nothing did
     * @param removed older backups deleted to keep the newest ones
     */
    record BackupReport(Outcome outcome, Path file, long bytes, String problem, List<Path> removed) {
        public BackupReport {
            problem = problem == null ? "" : problem;
            removed = List.copyOf(removed);
        }
    }

    BackupReport backUp();
}
