package dev.vpnbot.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase.BackupReport;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase.Outcome;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.service.admin.DatabaseBackups.BackupPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups: retention, the size guard, and what admins hear when one is not made or not delivered (the real pg_dump: bootstrap's BackupTest). */
class DatabaseBackupsTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<Path> delivered = new ArrayList<>();
    private int dumpSize = 1000;

    /** Writes {@link #dumpSize} bytes, as pg_dump would write its archive. */
    private final DatabaseDumps dumps = file -> {
        try {
            Files.write(file, new byte[dumpSize]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private DatabaseBackups backups(int keep, long maxBytes, BackupChannel channel) {
        return new DatabaseBackups(dumps, clock, new BackupPolicy(dir, keep, maxBytes)).deliveringTo(channel, notifier);
    }

    private BackupChannel recording() {
        return (file, caption) -> delivered.add(file);
    }

    @Test
    void each_backup_is_sent_and_only_the_newest_are_kept() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "the operator's own file");
        DatabaseBackups backups = backups(2, 10_000, recording());
        List<BackupReport> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(backups.backUp());
            clock.advance(Duration.ofDays(1));
        }

        assertThat(reports).extracting(BackupReport::outcome).containsOnly(Outcome.SENT);
        assertThat(reports.get(0).file().getFileName()).hasToString("vpnbot-20260301-100000-000.dump");
        assertThat(delivered).hasSize(3);
        assertThat(reports.get(2).removed()).containsExactly(reports.get(0).file());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("notes.txt", "vpnbot-20260302-100000-000.dump", "vpnbot-20260303-100000-000.dump");
        }
        assertThat(notifier.alerts()).isEmpty();
    }

    @Test
    void a_backup_over_the_size_guard_is_kept_not_sent_and_the_admins_are_told_where_it_is() {
        dumpSize = 2_000;
        BackupReport report = backups(7, 1_999, recording()).backUp();

        assertThat(report.outcome()).isEqualTo(Outcome.KEPT_TOO_LARGE);
        assertThat(delivered).isEmpty();
        assertThat(report.file()).exists();
        assertThat(notifier.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdminAlert.Kind.BACKUP_NOT_DELIVERED);
            assertThat(a.detail()).contains("over the size guard").contains("BACKUP_MAX_MB").contains(report.file().toAbsolutePath().toString());
        });
    }

    @Test
    void a_chat_that_does_not_take_the_backup_is_named_to_the_admins_and_the_file_is_kept() {
        BackupChannel refusing = (file, caption) -> {
            throw new BackupChannel.Undeliverable("the bot may not post in chat -100123 (BACKUP_CHAT_ID)");
        };
        BackupReport report = backups(7, 10_000, refusing).backUp();

        assertThat(report.outcome()).isEqualTo(Outcome.KEPT_UNDELIVERED);
        assertThat(report.file()).exists();
        assertThat(notifier.alerts()).singleElement().satisfies(a ->
                assertThat(a.detail()).startsWith("the bot may not post in chat -100123 (BACKUP_CHAT_ID)").contains("kept at"));
    }

    @Test
    void a_dump_that_fails_leaves_no_file_and_says_why() {
        DatabaseBackups failing = new DatabaseBackups(file -> {
            throw new DatabaseDumps.DumpFailed("pg_dump is not installed (PG_DUMP=pg_dump)");
        }, clock, new BackupPolicy(dir, 7, 10_000)).deliveringTo(recording(), notifier);

        BackupReport report = failing.backUp();

        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(report.file()).isNull();
        assertThat(notifier.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdminAlert.Kind.BACKUP_FAILED);
            assertThat(a.detail()).contains("pg_dump is not installed");
        });
    }

    @Test
    void on_the_console_a_backup_is_kept_here_only() {
        BackupReport report = new DatabaseBackups(dumps, clock, new BackupPolicy(dir, 7, 10)).backUp();

        assertThat(report.outcome()).isEqualTo(Outcome.KEPT);
        assertThat(report.bytes()).isEqualTo(1000);
    }
}
