package dev.vpnbot.adapter.telegram;

import dev.vpnbot.application.port.in.account.MarkUserBlockedUseCase;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way out to Telegram: every call of the bot goes through this queue, which keeps
 * Telegram's limits (an overall budget per second, about one message per second per chat
 * after a short burst), keeps each chat's messages in order, waits out 429 {@code retry_after},
 * and marks a user blocked when Telegram answers 403 "bot was blocked by the user".
 *
 * <p>Callers never wait for Telegram and never see its errors; they get a future they may ignore.
 */
public final class RateLimitedSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedSender.class);
    private static final long NO_CHAT = 0;

    /** How a call ends when its chat blocked the bot (Telegram's 403); the 403 itself is the cause, if there was one. */
    static final class ChatBlocked extends IllegalStateException {
        ChatBlocked(long chatId, Throwable cause) {
            super("chat " + chatId + " blocked the bot", cause);
        }
    }

    /** One Bot API call, built afresh on every attempt (a retried photo must re-read its bytes). */
    @FunctionalInterface
    interface Call {
        Object execute(TelegramClient client) throws TelegramApiException;
    }

    private static final class Outgoing {
        final long chatId;
        final boolean countsForChat;
        final String what;
        final Call call;
        final Outgoing fallback;
        final CompletableFuture<Object> result;
        int attempts;
        long notBefore;

        Outgoing(long chatId, boolean countsForChat, String what, Call call, Outgoing fallback, CompletableFuture<Object> result) {
            this.chatId = chatId;
            this.countsForChat = countsForChat;
            this.what = what;
            this.call = call;
            this.fallback = fallback;
            this.result = result;
        }
    }

    /** A chat's queue and its own token bucket; at most one call of a chat is in flight. */
    private static final class Lane {
        final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
        final long intervalNanos;
        boolean busy;
        double tokens;
        long refilledAt;

        Lane(long intervalNanos, int burst, long now) {
            this.intervalNanos = intervalNanos;
            this.tokens = burst;
            this.refilledAt = now;
        }
    }

    private final TelegramClient client;
    private final OkHttpClient http;
    private final String secretToHide;
    private final MarkUserBlockedUseCase blocking;
    private final SenderLimits limits;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Lane> lanes = new LinkedHashMap<>();
    private final ExecutorService workers;
    private final Thread scheduler;
    private double globalTokens;
    private long globalRefilledAt;
    private long pausedUntil;
    private int queued;
    private int inFlight;
    private boolean closed;

    /** Talks to the Bot API named in the settings. */
    public RateLimitedSender(TelegramSettings settings, MarkUserBlockedUseCase blocking, SenderLimits limits) {
        this(new OkHttpClient.Builder().build(), settings, blocking, limits);
    }

    private RateLimitedSender(OkHttpClient http, TelegramSettings settings, MarkUserBlockedUseCase blocking, SenderLimits limits) {
        this(new OkHttpTelegramClient(http, settings.botToken(), settings.telegramUrl()), http, settings.botToken(), blocking, limits);
    }

    RateLimitedSender(TelegramClient client, OkHttpClient http, String secretToHide, MarkUserBlockedUseCase blocking,
                      SenderLimits limits) {
        this.client = client;
        this.http = http;
        this.secretToHide = secretToHide;
        this.blocking = blocking;
        this.limits = limits;
        this.globalTokens = limits.messagesPerSecond();
        this.globalRefilledAt = System.nanoTime();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(limits.workers(), r -> daemon(r, "telegram-send-" + n.incrementAndGet()));
        this.scheduler = daemon(this::schedule, "telegram-sender");
        scheduler.start();
    }

    /** Messages waiting to go out (not counting those in flight): published as a metric. */
    public int queueLength() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything queued so far has been sent or given up; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (queued > 0 || inFlight > 0) {
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
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- what screens and the notifier use ---------------------------------------------------

    CompletableFuture<Object> send(long chatId, SendMessage message) {
        return submit(chatId, true, "sendMessage", c -> c.execute(message), null);
    }

    /** The photo is built on every attempt, so its stream is fresh after a retry. */
    CompletableFuture<Object> sendPhoto(long chatId, java.util.function.Supplier<SendPhoto> photo) {
        return submit(chatId, true, "sendPhoto", c -> c.execute(photo.get()), null);
    }

    /** Edits in place; when Telegram cannot edit (too old, a photo, gone) the text comes as a new message. */
    CompletableFuture<Object> editOrSend(long chatId, EditMessageText edit, SendMessage fallback) {
        return submit(chatId, true, "editMessageText", c -> c.execute(edit), c -> c.execute(fallback));
    }

    /** Deletes a message in the chat (for instance one in which an admin typed a password). */
    CompletableFuture<Object> delete(long chatId, int messageId) {
        DeleteMessage delete = DeleteMessage.builder().chatId(chatId).messageId(messageId).build();
        return submit(chatId, false, "deleteMessage", c -> c.execute(delete), null);
    }

    CompletableFuture<Object> answer(long chatId, AnswerCallbackQuery answer) {
        return submit(chatId, false, "answerCallbackQuery", c -> c.execute(answer), null);
    }

    /** A call that belongs to no chat (command menu, webhook registration). */
    CompletableFuture<Object> call(BotApiMethod<?> method) {
        return submit(NO_CHAT, false, method.getMethod(), c -> c.execute(method), null);
    }

    CompletableFuture<Object> submit(long chatId, boolean countsForChat, String what, Call call, Call fallback) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Outgoing fallbackItem = fallback == null ? null : new Outgoing(chatId, countsForChat, what + "(as new message)", fallback, null, result);
        Outgoing item = new Outgoing(chatId, countsForChat, what, call, fallbackItem, result);
        lock.lock();
        try {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("telegram sender is closed"));
                LOG.warn("dropped {} to chat {}: sender is closed", what, chatId);
                return result;
            }
            lanes.computeIfAbsent(chatId, id -> newLane(id, System.nanoTime())).queue.addLast(item);
            queued++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return result;
    }

    // ---- scheduling ----------------------------------------------------------------------------

    private Lane newLane(long chatId, long now) {
        Duration interval = chatId < 0 ? limits.groupInterval() : limits.perChatInterval();
        return new Lane(interval.toNanos(), limits.perChatBurst(), now);
    }

    private void schedule() {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = dispatchReady(now);
                if (wait == 0) continue;
                if (closed && queued == 0 && inFlight == 0) return;
                if (wait == Long.MAX_VALUE) changed.await();
                else changed.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Starts at most one call; returns 0 if it did, else how long nothing can start (MAX_VALUE: until told). */
    private long dispatchReady(long now) {
        if (now < pausedUntil) return pausedUntil - now;
        refillGlobal(now);
        long wait = Long.MAX_VALUE;
        Iterator<Map.Entry<Long, Lane>> it = lanes.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Lane> entry = it.next();
            Lane lane = entry.getValue();
            if (lane.busy) continue;
            refill(lane, now);
            if (lane.queue.isEmpty()) {
                if (lane.tokens >= limits.perChatBurst()) it.remove(); // idle and rested: forget it
                continue;
            }
            Outgoing head = lane.queue.peekFirst();
            if (head.notBefore > now) {
                wait = Math.min(wait, head.notBefore - now);
                continue;
            }
            if (head.countsForChat && lane.tokens < 1) {
                wait = Math.min(wait, (long) ((1 - lane.tokens) * lane.intervalNanos) + 1);
                continue;
            }
            if (globalTokens < 1) {
                return Math.min(wait, (long) ((1 - globalTokens) * 1_000_000_000L / limits.messagesPerSecond()) + 1);
            }
            lane.queue.pollFirst();
            queued--;
            inFlight++;
            lane.busy = true;
            if (head.countsForChat) lane.tokens -= 1;
            globalTokens -= 1;
            it.remove();
            lanes.put(entry.getKey(), lane); // to the back of the line: chats take turns
            workers.execute(() -> attempt(lane, head));
            return 0;
        }
        return wait;
    }

    private void refill(Lane lane, long now) {
        double earned = (double) (now - lane.refilledAt) / lane.intervalNanos;
        lane.tokens = Math.min(limits.perChatBurst(), lane.tokens + earned);
        lane.refilledAt = now;
    }

    private void refillGlobal(long now) {
        double earned = (now - globalRefilledAt) * limits.messagesPerSecond() / 1_000_000_000.0;
        globalTokens = Math.min(limits.messagesPerSecond(), globalTokens + earned);
        globalRefilledAt = now;
    }

    // ---- one attempt -----------------------------------------------------------------------------

    private void attempt(Lane lane, Outgoing item) {
        Outgoing retry = null;
        boolean dropChat = false;
        try {
            item.result.complete(item.call.execute(client));
        } catch (TelegramApiRequestException e) {
            int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            String description = e.getApiResponse() == null ? "" : e.getApiResponse();
            String lower = description.toLowerCase(Locale.ROOT);
            if (code == 429) {
                long seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                        ? Math.max(1, e.getParameters().getRetryAfter()) : 1;
                pauseAll(Duration.ofSeconds(seconds));
                retry = again(item, Duration.ZERO, "429, retry after " + seconds + " s");
            } else if (code == 403 && (lower.contains("blocked by the user") || lower.contains("user is deactivated"))) {
                dropChat = true;
                LOG.info("chat {} blocked the bot or is gone: {} dropped", item.chatId, item.what);
                if (item.chatId > 0) markBlocked(item.chatId); // a private chat's id is the user's id
                item.result.completeExceptionally(new ChatBlocked(item.chatId, e));
            } else if (code == 400 && lower.contains("message is not modified")) {
                item.result.complete(Boolean.TRUE); // the screen already shows this
            } else if (code == 400 && item.fallback != null) {
                LOG.debug("{} to chat {} not possible ({}), sending a new message", item.what, item.chatId, description);
                retry = item.fallback;
            } else {
                item.result.completeExceptionally(e);
                LOG.warn("Telegram refused {} to chat {}: [{}] {}", item.what, item.chatId, code, hide(description));
            }
        } catch (TelegramApiException e) {
            long backoff = 1L << Math.min(item.attempts, 5);
            retry = again(item, Duration.ofSeconds(backoff), hide(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            item.result.completeExceptionally(e);
            LOG.warn("{} to chat {} failed: {}", item.what, item.chatId, hide(e.toString()));
        } finally {
            finish(lane, item.chatId, retry, dropChat);
        }
    }

    private void markBlocked(long userId) {
        try {
            blocking.markBlocked(new UserId(userId));
        } catch (RuntimeException e) {
            LOG.warn("could not mark user {} blocked: {}", userId, e.toString());
        }
    }

    /** The item goes back to the head of its chat's queue, unless it has had its tries. */
    private Outgoing again(Outgoing item, Duration delay, String why) {
        item.attempts++;
        if (item.attempts >= limits.maxAttempts()) {
            item.result.completeExceptionally(new IllegalStateException(item.what + " gave up after " + item.attempts + " attempts: " + why));
            LOG.warn("gave up {} to chat {} after {} attempts: {}", item.what, item.chatId, item.attempts, why);
            return null;
        }
        LOG.info("{} to chat {} will be retried ({})", item.what, item.chatId, why);
        item.notBefore = System.nanoTime() + delay.toNanos();
        return item;
    }

    private void pauseAll(Duration pause) {
        lock.lock();
        try {
            pausedUntil = Math.max(pausedUntil, System.nanoTime() + pause.toNanos());
        } finally {
            lock.unlock();
        }
    }

    private void finish(Lane lane, long chatId, Outgoing retry, boolean dropChat) {
        lock.lock();
        try {
            lane.busy = false;
            inFlight--;
            if (dropChat) {
                for (Outgoing dropped : lane.queue) {
                    dropped.result.completeExceptionally(new ChatBlocked(chatId, null));
                }
                queued -= lane.queue.size();
                lane.queue.clear();
            } else if (retry != null) {
                lane.queue.addFirst(retry);
                queued++;
            }
            if (!lanes.containsKey(chatId) && !lane.queue.isEmpty()) lanes.put(chatId, lane);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private String hide(String text) {
        return secretToHide == null || text == null ? text : text.replace(secretToHide, "***");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
