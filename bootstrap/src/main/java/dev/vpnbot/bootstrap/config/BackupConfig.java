package dev.vpnbot.bootstrap.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Database backups: how often (off unless BACKUP_INTERVAL is set), where they go, how many stay.
 *
 * @param interval  between scheduled backups; {@link Duration#ZERO}: none are scheduled
 * @param chatIds   where they are sent; empty: to the admins' own chats
 * @param directory where they are kept (DATA_DIR/backups by default)
 * @param keep      the newest backups kept (BACKUP_KEEP)
 * @param maxBytes  larger ones are kept but not sent (BACKUP_MAX_MB; Telegram takes up to 50 MB)
 * @param pgDump    the pg_dump to run (PG_DUMP)
 */
public record BackupConfig(Duration interval, List<Long> chatIds, Path directory, int keep, long maxBytes, String pgDump) {
    public static final int DEFAULT_KEEP = 7;
    public static final int DEFAULT_MAX_MB = 50;
    private static final Duration MIN_INTERVAL = Duration.ofHours(1);
    private static final Duration MAX_INTERVAL = Duration.ofDays(7);

    public BackupConfig {
        Objects.requireNonNull(interval, "interval");
        chatIds = List.copyOf(chatIds);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(pgDump, "pgDump");
    }

    /** No scheduled backups; `vpnbot backup` still makes one into DATA_DIR/backups. */
    public static BackupConfig off(Path dataDir) {
        return new BackupConfig(Duration.ZERO, List.of(), dataDir.resolve("backups"), DEFAULT_KEEP, DEFAULT_MAX_MB * 1_048_576L, "pg_dump");
    }

    public boolean scheduled() {
        return !interval.isZero();
    }

    /** Reads the BACKUP_* variables and PG_DUMP; each wrong one becomes a problem naming it. */
    static BackupConfig read(Variables vars, Path dataDir, List<String> problems) {
        BackupConfig off = off(dataDir);
        Duration interval = vars.get("BACKUP_INTERVAL").map(v -> interval(v, problems)).orElse(Duration.ZERO);
        List<Long> chats = vars.get("BACKUP_CHAT_ID").map(v -> chats(v, problems)).orElse(List.of());
        Path directory = vars.get("BACKUP_DIR").map(v -> directory(v, problems)).orElse(off.directory());
        int keep = vars.get("BACKUP_KEEP").map(v -> number("BACKUP_KEEP", v, 1, 1000, problems)).orElse(DEFAULT_KEEP);
        int maxMb = vars.get("BACKUP_MAX_MB").map(v -> number("BACKUP_MAX_MB", v, 1, 2000, problems)).orElse(DEFAULT_MAX_MB);
        String pgDump = vars.get("PG_DUMP").map(String::strip).filter(v -> !v.isEmpty()).orElse("pg_dump");
        return new BackupConfig(interval, chats, directory, keep, maxMb * 1_048_576L, pgDump);
    }

    private static Duration interval(String value, List<String> problems) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("0")) return Duration.ZERO;
        try {
            Duration d = DurationText.parse(value);
            if (d.compareTo(MIN_INTERVAL) >= 0 && d.compareTo(MAX_INTERVAL) <= 0) return d;
        } catch (IllegalArgumentException e) {
            // said below, with the bounds
        }
        problems.add("BACKUP_INTERVAL: must be between 1h and 7d (e.g. 24h), or off; got " + value);
        return Duration.ZERO;
    }

    private static List<Long> chats(String value, List<String> problems) {
        List<Long> chats = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            try {
                chats.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                problems.add("BACKUP_CHAT_ID: '" + part + "' is not a chat id (a number such as -1001234567890; a group's id starts with -100)");
            }
        }
        return chats;
    }

    private static Path directory(String value, List<String> problems) {
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            problems.add("BACKUP_DIR: '" + value + "' is not a valid path");
            return Path.of(".");
        }
    }

    private static int number(String name, String value, int min, int max, List<String> problems) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(name + ": must be a whole number from " + min + " to " + max + ", got " + value);
        return min;
    }

    /** Where backups go: BACKUP_CHAT_ID, or else each admin's own chat. */
    public List<Long> chatsOr(java.util.Set<Long> adminIds) {
        return chatIds.isEmpty() ? List.copyOf(new java.util.TreeSet<>(adminIds)) : chatIds;
    }
}
