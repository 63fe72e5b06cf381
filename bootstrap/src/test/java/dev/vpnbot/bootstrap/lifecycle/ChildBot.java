package dev.vpnbot.bootstrap.lifecycle;

import dev.vpnbot.bootstrap.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real bot in a JVM of its own ({@code vpnbot run} through {@link Main}, the production
 * logback.xml), as an operator starts it: its output is collected line by line, and
 * {@link #terminate()} sends SIGTERM as systemd or Docker would, measuring how long it takes to exit.
 */
final class ChildBot implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildBot(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "child-bot-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildBot run(Map<String, String> environment, Path workDir, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String logback = Main.class.getResource("/logback.xml").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        try {
            return new ChildBot(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits for a line matching {@code wanted}; fails with everything the bot printed when none comes in time. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) if (wanted.test(line)) return line;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no such line within " + timeout + "; the bot printed:\n" + String.join("\n", lines));
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Waits for the process to end on its own; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the bot did not exit within " + timeout + "; it printed:\n" + String.join("\n", lines()));
        }
        reader.join(2_000);
        return process.exitValue();
    }

    /** SIGTERM, then how long the bot took to exit (at most 30 s, then it is killed). */
    Duration terminate() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy(); // SIGTERM on Linux and macOS
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bot ignored SIGTERM for 30 s; it printed:\n" + String.join("\n", lines()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        reader.join(2_000);
        return took;
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
