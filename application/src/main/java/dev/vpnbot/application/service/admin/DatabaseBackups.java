package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes a backup, keeps the newest ones, and delivers each to the backup chat when it fits the
 * size guard; whatever is not delivered stays on disk and the admins are told why. File names
 * carry the UTC time, so they sort by age: {@code vpnbot-20260301-100000-000.dump}.
 */
public final class DatabaseBackups implements BackUpDatabaseUseCase {
    static final String PREFIX = "vpnbot-";
    static final String SUFFIX = ".dump";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /**
     * @param directory where backups are kept
     * @param keep      how many of the newest backups stay (at least 1)
     * @param maxBytes  larger backups are not sent (Telegram takes documents up to 50 MB)
     */
    public record BackupPolicy(Path directory, int keep, long maxBytes) {
        public BackupPolicy {
            Objects.requireNonNull(directory, "directory");
            if (keep < 1) throw new IllegalArgumentException("keep at least one backup");
            if (maxBytes < 1) throw new IllegalArgumentException("the size guard must be positive");
        }
    }

    private record Delivery(BackupChannel channel, Notifier notifier) {}

    private final DatabaseDumps dumps;
    private final Clock clock;
    private final BackupPolicy policy;
    private final Optional<Delivery> delivery;

    /** Backups kept on this machine only (the operator's console). */
    public DatabaseBackups(DatabaseDumps dumps, Clock clock, BackupPolicy policy) {
        this(dumps, clock, policy, Optional.empty());
    }

    private DatabaseBackups(DatabaseDumps dumps, Clock clock, BackupPolicy policy, Optional<Delivery> delivery) {
        this.dumps = dumps;
        this.clock = clock;
        this.policy = policy;
        this.delivery = delivery;
    }

    /** The same backups, also sent to {@code channel}; the admins hear through {@code notifier} of any that was not. */
    public DatabaseBackups deliveringTo(BackupChannel channel, Notifier notifier) {
        return new DatabaseBackups(dumps, clock, policy, Optional.of(new Delivery(channel, notifier)));
    }

    @Override
    public BackupReport backUp() {
        Path file = policy.directory().resolve(PREFIX + STAMP.format(clock.instant()) + SUFFIX);
        try {
            Files.createDirectories(policy.directory());
            dumps.dumpTo(file);
        } catch (DatabaseDumps.DumpFailed | IOException e) {
            String problem = "no backup was made: " + e.getMessage();
            delivery.ifPresent(d -> d.notifier().alertAdmins(new AdminAlert(AdminAlert.Kind.BACKUP_FAILED, problem)));
            return new BackupReport(Outcome.FAILED, null, 0, problem, List.of());
        }
        long bytes = size(file);
        List<Path> removed = prune();
        if (delivery.isEmpty()) return new BackupReport(Outcome.KEPT, file, bytes, "", removed);
        Delivery d = delivery.get();
        if (bytes > policy.maxBytes()) {
            String problem = file.getFileName() + " is " + megabytes(bytes) + ", over the size guard of " + megabytes(policy.maxBytes())
                    + " (BACKUP_MAX_MB): not sent; it is kept at " + file.toAbsolutePath() + ", copy it off the server";
            d.notifier().alertAdmins(new AdminAlert(AdminAlert.Kind.BACKUP_NOT_DELIVERED, problem));
            return new BackupReport(Outcome.KEPT_TOO_LARGE, file, bytes, problem, removed);
        }
        try {
            d.channel().send(file, caption(file, bytes));
            return new BackupReport(Outcome.SENT, file, bytes, "", removed);
        } catch (BackupChannel.Undeliverable e) {
            String problem = e.getMessage() + "; the backup is kept at " + file.toAbsolutePath();
            d.notifier().alertAdmins(new AdminAlert(AdminAlert.Kind.BACKUP_NOT_DELIVERED, problem));
            return new BackupReport(Outcome.KEPT_UNDELIVERED, file, bytes, problem, removed);
        }
    }

    /** Operators read the caption next to the file: what it is and how it goes back. */
    private static String caption(Path file, long bytes) {
        return "🗄 vpnbot backup " + file.getFileName() + " (" + megabytes(bytes) + ", pg_dump custom format).\n"
                + "Restore: pg_restore --clean --if-exists --no-owner -d <database> " + file.getFileName()
                + " (docs/OPERATIONS.md, \"Backups and restore\")";
    }

    /** Deletes all but the newest {@code keep} backups; other files in the directory are left alone. */
    private List<Path> prune() {
        List<Path> backups;
        try (Stream<Path> files = Files.list(policy.directory())) {
            backups = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> removed = new ArrayList<>();
        for (Path old : backups.subList(0, Math.max(0, backups.size() - policy.keep()))) {
            try {
                Files.deleteIfExists(old);
                removed.add(old);
            } catch (IOException e) {
                // left for the next round; the new backup is what matters
            }
        }
        return removed;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
