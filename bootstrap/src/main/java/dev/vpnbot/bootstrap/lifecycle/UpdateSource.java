package dev.vpnbot.bootstrap.lifecycle;

/**
 * Where Telegram updates come from (long polling, or webhook registration). Started after the
 * HTTP server, stopped first at shutdown so no new work comes in while the rest winds down.
 */
public interface UpdateSource {
    /** Short name for the log ("telegram long polling"). */
    String name();

    void start() throws Exception;

    /** Stops taking updates; updates already taken may finish. */
    void stop() throws Exception;
}
