package dev.vpnbot.bootstrap.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real bot: {@code java -jar bootstrap/target/vpnbot.jar run}, configured by the environment as
 * an operator would, its output appended to one log. {@link #kill()} is {@code kill -9}.
 */
final class BotProcess {
    private final Path jar;
    private final Map<String, String> env;
    private final File log;
    private final int httpPort;
    private Process process;
    private long launchedAtNanos;

    BotProcess(Path jar, Map<String, String> env, File log) {
        this.jar = jar;
        this.httpPort = freePort();
        this.env = new java.util.HashMap<>(env);
        this.env.put("HTTP_PORT", String.valueOf(httpPort));
        this.log = log;
    }

    /** A port nobody listens on now: the bot binds it, the harness forwards webhooks to it. */
    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int httpPort() {
        return httpPort;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) throw new IllegalStateException("already running");
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Xmx320m", "-XX:ActiveProcessorCount=2", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "run"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            launchedAtNanos = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long launchedAtNanos() {
        return launchedAtNanos;
    }

    /** kill -9: no shutdown hook, no goodbye to the database or to Telegram. */
    synchronized void kill() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly();
        process.waitFor();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, as at the end of a run. */
    synchronized void stop() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) kill();
    }
}
