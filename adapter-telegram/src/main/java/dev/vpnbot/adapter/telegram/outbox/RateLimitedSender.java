package dev.vpnbot.adapter.telegram.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way out to Telegram: every call of the bot goes through this queue, which keeps
 * Telegram's limits (an overall budget per second, about one message per second per chat
 * after a short burst), keeps each chat's messages in order, waits out 429 {@code retry_after},
 * and tells its {@link BlockedChatListener} when Telegram answers 403 "bot was blocked by the user".
 *
 * <p>This class runs the outbox: one scheduler thread asks the {@link LaneScheduler} what may go,
 * a few workers make the calls, and {@link FailedCalls} decides what a failure means. Callers
 * never wait for Telegram and never see its errors; they get a future they may ignore.
 */
public final class RateLimitedSender implements Outbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedSender.class);
    private static final long NO_CHAT = 0;

    private final TelegramClient client;
    private final OkHttpClient http;
    /** Whether {@link #http} is the sender's own (closed here) or shared (closed by its owner). */
    private final boolean ownsClient;
    private final FailedCalls failures;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LaneScheduler<Outgoing> lanes;
    private final ExecutorService workers;
    private final Thread scheduler;
    private boolean closed;

    /**
     * Talks to the Bot API named in the settings.
     *
     * @param blocked told when a user blocked the bot
     */
    public RateLimitedSender(OutboxSettings settings, BlockedChatListener blocked, SenderLimits limits) {
        this(new OkHttpClient.Builder().build(), true, settings, blocked, limits);
    }

    /** On the process's shared client (its owner closes it, after this sender): it shares its pool and dispatcher. */
    public RateLimitedSender(OkHttpClient shared, OutboxSettings settings, BlockedChatListener blocked, SenderLimits limits) {
        this(shared.newBuilder().build(), false, settings, blocked, limits);
    }

    private RateLimitedSender(OkHttpClient http, boolean ownsClient, OutboxSettings settings, BlockedChatListener blocked,
                              SenderLimits limits) {
        this(new OkHttpTelegramClient(http, settings.botToken(), settings.telegramUrl()), http, ownsClient, settings.botToken(),
                blocked, limits);
    }

    RateLimitedSender(TelegramClient client, OkHttpClient http, String secretToHide, BlockedChatListener blocked,
                      SenderLimits limits) {
        this(client, http, true, secretToHide, blocked, limits);
    }

    private RateLimitedSender(TelegramClient client, OkHttpClient http, boolean ownsClient, String secretToHide,
                              BlockedChatListener blocked, SenderLimits limits) {
        this.client = client;
        this.http = http;
        this.ownsClient = ownsClient;
        this.failures = new FailedCalls(blocked, limits.maxAttempts(), secretToHide);
        this.lanes = new LaneScheduler<>(limits, System::nanoTime);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(limits.workers(), r -> daemon(r, "telegram-send-" + n.incrementAndGet()));
        this.scheduler = daemon(this::schedule, "telegram-sender");
        scheduler.start();
    }

    /** Messages waiting to go out (not counting those in flight): published as a metric. */
    public int queueLength() {
        lock.lock();
        try {
            return lanes.queued();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything queued so far has been sent or given up; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (lanes.queued() > 0 || lanes.inFlight() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking messages, sends what is queued for up to 5 seconds, then stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!awaitIdle(Duration.ofSeconds(5))) LOG.warn("telegram sender closed with {} messages unsent", queueLength());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    // ---- what screens, notices and the bot use ---------------------------------------------------

    @Override
    public CompletableFuture<Object> send(long chatId, SendMessage message) {
        return submit(chatId, true, "sendMessage", c -> c.execute(message), null);
    }

    @Override
    public CompletableFuture<Object> sendPhoto(long chatId, Supplier<SendPhoto> photo) {
        return submit(chatId, true, "sendPhoto", c -> c.execute(photo.get()), null);
    }

    @Override
    public CompletableFuture<Object> editOrSend(long chatId, EditMessageText edit, SendMessage fallback) {
        return submit(chatId, true, "editMessageText", c -> c.execute(edit), c -> c.execute(fallback));
    }

    @Override
    public CompletableFuture<Object> delete(long chatId, int messageId) {
        DeleteMessage delete = DeleteMessage.builder().chatId(chatId).messageId(messageId).build();
        return submit(chatId, false, "deleteMessage", c -> c.execute(delete), null);
    }

    @Override
    public CompletableFuture<Object> answer(long chatId, AnswerCallbackQuery answer) {
        return submit(chatId, false, "answerCallbackQuery", c -> c.execute(answer), null);
    }

    @Override
    public CompletableFuture<Object> sendInvoice(long chatId, SendInvoice invoice) {
        return submit(chatId, true, "sendInvoice", c -> c.execute(invoice), null);
    }

    /** A call that belongs to no chat (the command menu, for instance). */
    public CompletableFuture<Object> call(BotApiMethod<?> method) {
        return submit(NO_CHAT, false, method.getMethod(), c -> c.execute(method), null);
    }

    /** Tells Telegram our webhook (it belongs to no chat either, but is sent as a form). */
    public CompletableFuture<Object> setWebhook(SetWebhook webhook) {
        return submit(NO_CHAT, false, "setWebhook", c -> c.execute(webhook), null);
    }

    CompletableFuture<Object> submit(long chatId, boolean countsForChat, String what, Outgoing.Call call, Outgoing.Call fallback) {
        Outgoing item = Outgoing.of(chatId, countsForChat, what, call, fallback);
        lock.lock();
        try {
            if (closed) {
                item.result().completeExceptionally(new IllegalStateException("telegram sender is closed"));
                LOG.warn("dropped {} to chat {}: sender is closed", what, chatId);
                return item.result();
            }
            lanes.add(chatId, countsForChat, item);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return item.result();
    }

    // ---- the scheduler thread and the workers --------------------------------------------------

    private void schedule() {
        lock.lock();
        try {
            while (true) {
                LaneScheduler.Next<Outgoing> next = lanes.next();
                if (next instanceof LaneScheduler.Go<Outgoing> go) {
                    workers.execute(() -> attempt(go.call()));
                    continue;
                }
                long wait = ((LaneScheduler.Wait<Outgoing>) next).nanos();
                if (closed && lanes.queued() == 0 && lanes.inFlight() == 0) return;
                if (wait == LaneScheduler.Wait.UNTIL_TOLD) changed.await();
                else changed.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void attempt(Outgoing item) {
        FailedCalls.Verdict verdict = null;
        try {
            item.attempt(client);
        } catch (TelegramApiException | RuntimeException e) {
            verdict = failures.handle(item, e);
        } finally {
            finish(item.chatId(), verdict);
        }
    }

    /** @param verdict what a failure left to do; null when the call went through */
    private void finish(long chatId, FailedCalls.Verdict verdict) {
        lock.lock();
        try {
            if (verdict == null) {
                lanes.finished(chatId);
            } else {
                if (verdict.pauseAll() != null) lanes.pauseAll(verdict.pauseAll());
                if (verdict.chatGone()) {
                    List<Outgoing> dropped = lanes.dropChat(chatId);
                    // failed before the sender reports idle, so whoever waits for idle sees them settled
                    for (Outgoing d : dropped) d.result().completeExceptionally(new ChatBlocked(chatId, null));
                } else if (verdict.retry() != null) {
                    lanes.retry(chatId, verdict.retry(), verdict.retryIn());
                } else {
                    lanes.finished(chatId);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
