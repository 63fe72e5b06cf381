package dev.vpnbot.adapter.telegram.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The calls the bot makes to Telegram once at start (the command menu, the webhook), on a
 * thread of their own so that start-up never waits for Telegram: each step is tried until it
 * succeeds, with {@link Backoff} between tries. Telegram unreachable is logged once by the
 * reachability watch; a refusal once per step and reason; a stop interrupts the waiting at once.
 */
public final class StartupCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StartupCalls.class);

    /** One call (or a few) that must go through once. */
    public interface Step {
        /** "setWebhook", "command menu". */
        String name();

        void run() throws TelegramApiException;
    }

    private final List<Step> steps;
    private final Backoff backoff;
    private final UnaryOperator<String> hide;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /** @param hide removes the bot token from a text before it is logged */
    public StartupCalls(List<Step> steps, Duration firstRetry, Duration maxRetry, UnaryOperator<String> hide) {
        this.steps = List.copyOf(steps);
        this.backoff = new Backoff(firstRetry, maxRetry);
        this.hide = hide;
        this.thread = new Thread(this::run, "telegram-start");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once every step went through. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        for (Step step : steps) {
            if (!runUntilDone(step)) return;
        }
        done.countDown();
    }

    private boolean runUntilDone(Step step) {
        String lastRefusal = null;
        backoff.reset();
        while (running) {
            try {
                step.run();
                if (lastRefusal != null) LOG.info("{} went through after all", step.name());
                return true;
            } catch (TelegramApiRequestException refused) {
                String reason = refused.getErrorCode() + " " + hide.apply(refused.getApiResponse());
                if (!reason.equals(lastRefusal)) LOG.warn("Telegram refused {} ({}); retrying with backoff", step.name(), reason);
                lastRefusal = reason;
            } catch (TelegramApiException | RuntimeException unanswered) {
                LOG.debug("{} failed, retrying: {}", step.name(), hide.apply(unanswered.toString()));
            }
            if (!backoff.pause()) return false;
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(500); // a call blocked in connect ends with its timeout; the thread is a daemon and the JVM need not wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
