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
 * Telegram's limits (about one message per second per chat after a short burst, an overall
 * budget per second for what the bot sends on its own), keeps each chat's messages in order,
 * waits out 429 {@code retry_after}, and tells its {@link BlockedChatListener} when Telegram
 * answers 403 "bot was blocked by the user".
 *
 * <p>Two lanes: this object's own {@link Outbox} methods are answers to a user's own action (a
 * button's answer, the screen they asked for) and go at once, within the chat's pace; a button's
 * answer still queued after {@link #BUTTON_ANSWER_LIFETIME} is dropped (Telegram refuses it by
 * then), and beyond {@link SenderLimits#maxQueued()} answers are refused. {@link #unprompted()} is
 * for what the bot sends on its own (notices, reminders, broadcasts): within the overall budget,
 * never dropped for being late or many; past the bound its callers wait for room.
 *
 * <p>This class runs the outbox: one scheduler thread asks the {@link LaneScheduler} what may go,
 * a few workers make the calls, and {@link FailedCalls} decides what a failure means. Callers
 * never wait for Telegram and never see its errors; they get a future they may ignore.
 */
public final class RateLimitedSender implements Outbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedSender.class);
    private static final long NO_CHAT = 0;
    /** What a stop gives the queue: short, so SIGTERM is honoured within seconds even with Telegram down. */
    static final Duration FLUSH_ON_CLOSE = Duration.ofMillis(1500);
    /** Telegram refuses to answer a button pressed more than about 15 seconds ago. */
    static final Duration BUTTON_ANSWER_LIFETIME = Duration.ofSeconds(15);

    private final BotApiLine line;
    private final FailedCalls failures;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LaneScheduler<Outgoing> lanes;
    private final ExecutorService workers;
    private final Thread scheduler;
    private final int maxQueued;
    private final Outbox unprompted = new BudgetLane(this);
    private boolean closed;

    /**
     * Talks to the Bot API named in the settings.
     *
     * @param blocked told when a user blocked the bot
     */
    public RateLimitedSender(OutboxSettings settings, BlockedChatListener blocked, SenderLimits limits) {
        this(BotApiLine.own(settings, limits.workers()), settings.botToken(), blocked, limits);
    }

    /** On the process's shared client (its owner closes it, after this sender): it shares its connection pool. */
    public RateLimitedSender(OkHttpClient shared, OutboxSettings settings, BlockedChatListener blocked, SenderLimits limits) {
        this(BotApiLine.shared(shared, settings, limits.workers()), settings.botToken(), blocked, limits);
    }

    /** Around a given client (tests): it has no long-poll line. */
    RateLimitedSender(TelegramClient client, OkHttpClient http, String secretToHide, BlockedChatListener blocked,
                      SenderLimits limits) {
        this(BotApiLine.around(client, http), secretToHide, blocked, limits);
    }

    private RateLimitedSender(BotApiLine line, String secretToHide, BlockedChatListener blocked, SenderLimits limits) {
        this.line = line;
        this.failures = new FailedCalls(blocked, limits.maxAttempts(), secretToHide);
        this.lanes = new LaneScheduler<>(limits, System::nanoTime);
        this.maxQueued = limits.maxQueued();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(limits.workers(), r -> new Worker(r, "telegram-send-" + n.incrementAndGet()));
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

    /** Stops taking messages, sends what is queued for up to {@link #FLUSH_ON_CLOSE}, then stops. */
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
            if (!awaitIdle(FLUSH_ON_CLOSE)) LOG.warn("telegram sender closed with {} messages unsent", queueLength());
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
        line.close();
    }

    /** Whether the Bot API answers, as every call through this sender (and its long-poll line) saw it. */
    public BotApiReachability reachability() {
        return line.reachability;
    }

    /**
     * Makes one call now, outside the queue and without its retries: for the few start-up calls
     * (command menu, webhook), which their caller retries with its own calm backoff.
     */
    public <T extends java.io.Serializable> T callNow(BotApiMethod<T> method) throws TelegramApiException {
        return line.callNow(method);
    }

    /** {@link #callNow} for {@code setWebhook}, which goes as a form. */
    public Boolean callNow(SetWebhook webhook) throws TelegramApiException {
        return line.callNow(webhook);
    }

    /** The long poll's line of its own (see {@link BotApiLine#longPollLine}). */
    public LongPollLine longPollLine(Duration pollTimeout) {
        return line.longPollLine(pollTimeout);
    }

    // ---- what screens, notices and the bot use ---------------------------------------------------

    /** The lane for what the bot sends on its own (notices, reminders, broadcasts): the overall budget, nothing dropped. */
    public Outbox unprompted() {
        return unprompted;
    }

    @Override
    public CompletableFuture<Object> send(long chatId, SendMessage message) {
        return submit(Lane.ANSWER, chatId, true, "sendMessage", c -> c.execute(message), null);
    }

    @Override
    public CompletableFuture<Object> sendPhoto(long chatId, Supplier<SendPhoto> photo) {
        return submit(Lane.ANSWER, chatId, true, "sendPhoto", c -> c.execute(photo.get()), null);
    }

    @Override
    public CompletableFuture<Object> editOrSend(long chatId, EditMessageText edit, SendMessage fallback) {
        return submit(Lane.ANSWER, chatId, true, "editMessageText", c -> c.execute(edit), c -> c.execute(fallback));
    }

    @Override
    public CompletableFuture<Object> delete(long chatId, int messageId) {
        DeleteMessage delete = DeleteMessage.builder().chatId(chatId).messageId(messageId).build();
        return submit(Lane.ANSWER, chatId, false, "deleteMessage", c -> c.execute(delete), null);
    }

    @Override
    public CompletableFuture<Object> answer(long chatId, AnswerCallbackQuery answer) {
        return submit(Lane.BUTTON, chatId, false, "answerCallbackQuery", c -> c.execute(answer), null);
    }

    @Override
    public CompletableFuture<Object> sendInvoice(long chatId, SendInvoice invoice) {
        return submit(Lane.ANSWER, chatId, true, "sendInvoice", c -> c.execute(invoice), null);
    }

    /** A call that belongs to no chat (the command menu, for instance). */
    public CompletableFuture<Object> call(BotApiMethod<?> method) {
        return submit(Lane.BUDGET, NO_CHAT, false, method.getMethod(), c -> c.execute(method), null);
    }

    /** Tells Telegram our webhook (it belongs to no chat either, but is sent as a form). */
    public CompletableFuture<Object> setWebhook(SetWebhook webhook) {
        return submit(Lane.BUDGET, NO_CHAT, false, "setWebhook", c -> c.execute(webhook), null);
    }

    /** Which lane a call takes: an answer (a button's answer goes stale), or the overall budget. */
    enum Lane { ANSWER, BUTTON, BUDGET }

    CompletableFuture<Object> submit(Lane lane, long chatId, boolean countsForChat, String what, Outgoing.Call call,
                                     Outgoing.Call fallback) {
        Outgoing item = Outgoing.of(chatId, countsForChat, what, call, fallback);
        lock.lock();
        try {
            if (lane == Lane.BUDGET) awaitRoom();
            if (closed) {
                item.result().completeExceptionally(new IllegalStateException("telegram sender is closed"));
                LOG.warn("dropped {} to chat {}: sender is closed", what, chatId);
                return item.result();
            }
            if (lane == Lane.BUDGET) {
                lanes.add(chatId, countsForChat, item);
            } else if (lanes.answersQueued() >= maxQueued) {
                item.result().completeExceptionally(new NotSent("telegram sender is full"));
                LOG.warn("dropped {} to chat {}: {} answers already queued", what, chatId, maxQueued);
                return item.result();
            } else {
                lanes.addAnswer(chatId, countsForChat, item, lane == Lane.BUTTON ? BUTTON_ANSWER_LIFETIME : null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return item.result();
    }

    /**
     * Past the bound, whoever queues what the bot sends on its own waits for room (nothing is
     * dropped); the sender's own threads never wait, so a callback that queues cannot stall it.
     */
    private void awaitRoom() {
        boolean interrupted = false;
        while (!closed && lanes.queued() - lanes.answersQueued() >= maxQueued && !(Thread.currentThread() instanceof Worker)) {
            try {
                changed.await();
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
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
                if (next instanceof LaneScheduler.Stale<Outgoing> stale) {
                    LOG.debug("dropped {} to chat {}: older than {} s", stale.call().what(), stale.chatId(), BUTTON_ANSWER_LIFETIME.toSeconds());
                    stale.call().result().completeExceptionally(new NotSent("button answer too old for Telegram"));
                    changed.signalAll();
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
            item.attempt(line.client);
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

    /** The sender's workers: they never wait for room in the queue. */
    private static final class Worker extends Thread {
        Worker(Runnable r, String name) {
            super(r, name);
            setDaemon(true);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
