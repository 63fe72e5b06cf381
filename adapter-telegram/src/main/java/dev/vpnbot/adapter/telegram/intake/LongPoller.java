package dev.vpnbot.adapter.telegram.intake;

import dev.vpnbot.adapter.telegram.outbox.LongPollLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Long polling on a thread of its own: first {@code deleteWebhook} (Telegram refuses getUpdates
 * while a webhook is set), then {@code getUpdates} in a loop, each update handed on in order.
 * When Telegram cannot be reached it waits with {@link Backoff} and tries again, for ever: the
 * outage is logged once by the line's reachability watch, a refusal once per distinct reason, and
 * never a stack trace per try. {@link #close()} cancels the poll in flight and returns at once.
 */
public final class LongPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LongPoller.class);
    /** Telegram holds a getUpdates this long when nothing happens. */
    public static final Duration POLL = Duration.ofSeconds(50);

    private final LongPollLine line;
    private final List<String> allowedUpdates;
    private final Consumer<Update> updates;
    private final Backoff backoff;
    private final CountDownLatch firstAnswer = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private String lastRefusal;

    public LongPoller(LongPollLine line, List<String> allowedUpdates, Consumer<Update> updates, Duration firstRetry, Duration maxRetry) {
        this.line = line;
        this.allowedUpdates = List.copyOf(allowedUpdates);
        this.updates = updates;
        this.backoff = new Backoff(firstRetry, maxRetry);
        this.thread = new Thread(this::run, "telegram-long-poll");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once Telegram has answered a getUpdates (updates are being taken). */
    public boolean awaitPolling(Duration timeout) throws InterruptedException {
        return firstAnswer.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        boolean webhookDeleted = false;
        int offset = 0;
        while (running) {
            try {
                if (!webhookDeleted) {
                    line.call(new DeleteWebhook());
                    webhookDeleted = true;
                }
                GetUpdates poll = GetUpdates.builder().offset(offset).limit(100).timeout((int) POLL.toSeconds())
                        .allowedUpdates(allowedUpdates).build();
                List<Update> batch = line.call(poll);
                if (firstAnswer.getCount() > 0) LOG.info("taking Telegram updates by long polling");
                firstAnswer.countDown();
                backoff.reset();
                lastRefusal = null;
                for (Update update : batch) {
                    if (update.getUpdateId() < offset) continue;
                    offset = update.getUpdateId() + 1;
                    updates.accept(update);
                }
            } catch (TelegramApiRequestException refused) {
                refused(refused);
                if (!backoff.pause()) return;
            } catch (TelegramApiException | RuntimeException unanswered) {
                // the line's reachability watch has logged the outage once; here only the retry
                LOG.debug("getUpdates failed, retrying: {}", unanswered.toString());
                if (!running || !backoff.pause()) return;
            }
        }
    }

    private void refused(TelegramApiRequestException e) {
        String reason = e.getErrorCode() + " " + e.getApiResponse();
        if (reason.equals(lastRefusal)) return;
        lastRefusal = reason;
        String hint = e.getErrorCode() != null && e.getErrorCode() == 409
                ? "another process polls with this BOT_TOKEN, or a webhook is set; stop the other one" : "retrying with backoff";
        LOG.warn("Telegram refused long polling ({}): {}", reason, hint);
    }

    @Override
    public void close() {
        running = false;
        line.close();
        thread.interrupt();
        try {
            thread.join(500); // a call blocked in connect ends with its timeout; the thread is a daemon and the JVM need not wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
