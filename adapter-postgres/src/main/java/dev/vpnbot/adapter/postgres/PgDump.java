package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;

/**
 * Dumps the bot's schema with the PostgreSQL client's {@code pg_dump} in custom format (what
 * {@code pg_restore} reads). The password goes through the environment, never the command
 * line; the dump is written beside its name and moved into place once pg_dump succeeded, so a
 * cut-short dump never looks like a backup. pg_dump must be of the server's major version or newer.
 */
public final class PgDump implements DatabaseDumps {
    private final DatabaseSettings settings;
    private final String command;
    private final Duration timeout;

    /** @param command the pg_dump to run (PG_DUMP; "pg_dump" finds it on the PATH) */
    public PgDump(DatabaseSettings settings, String command, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.command = Objects.requireNonNull(command, "command");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void dumpTo(Path file) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Path errors = file.resolveSibling(file.getFileName() + ".log");
        try {
            Process process = start(part, errors);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DumpFailed("pg_dump did not finish within " + timeout.toMinutes() + " min (" + settings.target() + ")");
            }
            if (process.exitValue() != 0) {
                throw new DumpFailed("pg_dump failed with exit code " + process.exitValue() + " (" + settings.target() + "): " + tail(errors));
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpFailed("interrupted while pg_dump was running");
        } catch (IOException e) {
            throw new DumpFailed(e.getMessage());
        } finally {
            deleteQuietly(part);
            deleteQuietly(errors);
        }
    }

    private Process start(Path part, Path errors) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, "--format=custom", "--no-password",
                "--host", settings.host(), "--port", settings.port(), "--username", settings.user(), "--dbname", settings.database(),
                "--file", part.toString()));
        if (settings.schema() != null) args.addAll(List.of("--schema", settings.schema()));
        ProcessBuilder builder = new ProcessBuilder(args).redirectError(errors.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        if (settings.password() != null) env.put("PGPASSWORD", settings.password());
        env.put("PGCONNECT_TIMEOUT", "10");
        Properties url = Driver.parseURL(settings.jdbcUrl(), null);
        if (url != null && url.getProperty("sslmode") != null) env.put("PGSSLMODE", url.getProperty("sslmode"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DumpFailed("pg_dump could not be started (PG_DUMP=" + command + "): " + e.getMessage()
                    + "; install the PostgreSQL client of the server's major version or set PG_DUMP to its path");
        }
    }

    private static String tail(Path errors) {
        try {
            String text = Files.readString(errors, StandardCharsets.UTF_8).strip();
            return text.length() > 500 ? "…" + text.substring(text.length() - 500) : text;
        } catch (IOException e) {
            return "(no error output)";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file; the next dump has another name
        }
    }
}
