package dev.vpnbot.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used so far by the bot, by every PostgreSQL process together and by this benchmark
 * process (the load generator and the fake Bot API), read from /proc (Linux; zeros elsewhere), so
 * that each figure can say what one update cost each of them on a machine they share.
 */
record ProcessCpu(long botMillis, Map<Long, Long> postgresMillis, long driverMillis) {
    /** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessCpu now(Process bot) {
        return new ProcessCpu(millis(bot.pid()), postgres(), millis(ProcessHandle.current().pid()));
    }

    /** "bot 0.62 + PostgreSQL 0.41 + load generator 0.30 = 1.33 CPU ms an update" from {@code before} to now. */
    String perUpdateSince(ProcessCpu before, int updates) {
        double n = Math.max(1, updates);
        double bot = (botMillis - before.botMillis) / n;
        // per PostgreSQL process: a backend that started meanwhile counts whole, one that ended is not seen
        double pg = postgresMillis.entrySet().stream()
                .mapToLong(e -> e.getValue() - before.postgresMillis.getOrDefault(e.getKey(), 0L)).sum() / n;
        double driver = (driverMillis - before.driverMillis) / n;
        return String.format(java.util.Locale.ROOT, "bot %.2f + PostgreSQL %.2f + load generator and fake %.2f = %.2f CPU ms an update",
                bot, pg, driver, bot + pg + driver);
    }

    private static Map<Long, Long> postgres() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> comm(p).equals("postgres"))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .collect(Collectors.toMap(pid -> pid, ProcessCpu::millis));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 (proc(5)), so indexes 11 and 12 here
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
