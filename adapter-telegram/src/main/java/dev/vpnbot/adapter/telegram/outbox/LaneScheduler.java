package dev.vpnbot.adapter.telegram.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Which queued call may go to Telegram next, and when. Each chat has a lane: its calls go first
 * in, first out, never two at once, paced by the chat's own token bucket (a short burst, then one
 * message per interval; groups slower). All chats share the overall budget per second, take turns,
 * and wait together after a 429.
 *
 * <p>Pure bookkeeping: no threads, no I/O. Time comes from the clock it is given (nanoseconds,
 * like {@link System#nanoTime()}), so a test drives it with a fake one. Not thread-safe: the
 * sender calls it under its own lock.
 *
 * @param <T> what is queued (the sender's calls; anything in tests)
 */
final class LaneScheduler<T> {
    private static final long SECOND = 1_000_000_000L;

    /** What the sender may do now. */
    sealed interface Next<T> permits Go, Wait {}

    /** Send this call now; its lane stays busy until {@link #finished}, {@link #retry} or {@link #dropChat}. */
    record Go<T>(long chatId, T call) implements Next<T> {}

    /** Nothing may go for this many nanoseconds; {@link #UNTIL_TOLD} when only a new or finished call can change that. */
    record Wait<T>(long nanos) implements Next<T> {
        static final long UNTIL_TOLD = Long.MAX_VALUE;
    }

    private static final class Queued<T> {
        final T call;
        final boolean countsForChat;
        long notBefore = Long.MIN_VALUE;

        Queued(T call, boolean countsForChat) {
            this.call = call;
            this.countsForChat = countsForChat;
        }
    }

    /** A chat's queue and its own token bucket; {@code inFlight} is its one call out at Telegram. */
    private static final class Lane<T> {
        final ArrayDeque<Queued<T>> queue = new ArrayDeque<>();
        final long intervalNanos;
        Queued<T> inFlight;
        double tokens;
        long refilledAt;

        Lane(long intervalNanos, int burst, long now) {
            this.intervalNanos = intervalNanos;
            this.tokens = burst;
            this.refilledAt = now;
        }
    }

    private final SenderLimits limits;
    private final LongSupplier clock;
    private final Map<Long, Lane<T>> lanes = new LinkedHashMap<>();
    private double globalTokens;
    private long globalRefilledAt;
    private long pausedUntil = Long.MIN_VALUE;
    private int queued;
    private int inFlight;

    /** @param clock nanoseconds from any fixed origin; only differences count */
    LaneScheduler(SenderLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        this.globalTokens = limits.messagesPerSecond();
        this.globalRefilledAt = clock.getAsLong();
    }

    /**
     * Queues a call behind the chat's earlier ones.
     *
     * @param countsForChat false for calls Telegram does not count as messages to the chat
     *                      (answering a button, deleting); they still count for the overall budget
     */
    void add(long chatId, boolean countsForChat, T call) {
        lanes.computeIfAbsent(chatId, this::newLane).queue.addLast(new Queued<>(call, countsForChat));
        queued++;
    }

    /** Takes the next call that may go now, if any: lanes are visited in turn, the one served goes to the back. */
    Next<T> next() {
        long now = clock.getAsLong();
        if (now < pausedUntil) return new Wait<>(pausedUntil - now);
        refillGlobal(now);
        long wait = Wait.UNTIL_TOLD;
        Iterator<Map.Entry<Long, Lane<T>>> it = lanes.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Lane<T>> entry = it.next();
            Lane<T> lane = entry.getValue();
            if (lane.inFlight != null) continue;
            refill(lane, now);
            if (lane.queue.isEmpty()) {
                if (lane.tokens >= limits.perChatBurst()) it.remove(); // idle and rested: forget it
                continue;
            }
            Queued<T> head = lane.queue.peekFirst();
            if (head.notBefore > now) {
                wait = Math.min(wait, head.notBefore - now);
                continue;
            }
            if (head.countsForChat && lane.tokens < 1) {
                wait = Math.min(wait, (long) ((1 - lane.tokens) * lane.intervalNanos) + 1);
                continue;
            }
            if (globalTokens < 1) {
                return new Wait<>(Math.min(wait, (long) ((1 - globalTokens) * SECOND / limits.messagesPerSecond()) + 1));
            }
            return take(it, entry.getKey(), lane);
        }
        return new Wait<>(wait);
    }

    /** The chat's call in flight is settled; the chat's next call may follow. */
    void finished(long chatId) {
        settle(busyLane(chatId));
    }

    /**
     * The chat's call in flight goes again, before the chat's other calls, once {@code delay} has
     * passed: the same call after a failure, or another one in its place (a new message instead of an edit).
     */
    void retry(long chatId, T call, Duration delay) {
        Lane<T> lane = busyLane(chatId);
        Queued<T> again = new Queued<>(call, lane.inFlight.countsForChat);
        settle(lane);
        again.notBefore = clock.getAsLong() + delay.toNanos();
        lane.queue.addFirst(again);
        queued++;
    }

    /** The chat is gone (it blocked the bot): its call in flight is settled, and what it still had queued is handed back. */
    List<T> dropChat(long chatId) {
        Lane<T> lane = busyLane(chatId);
        settle(lane);
        List<T> dropped = new ArrayList<>(lane.queue.size());
        for (Queued<T> q : lane.queue) dropped.add(q.call);
        queued -= lane.queue.size();
        lane.queue.clear();
        return dropped;
    }

    /** Nothing goes to any chat for {@code pause} from now (Telegram's 429 retry_after); a longer pause already set stays. */
    void pauseAll(Duration pause) {
        pausedUntil = Math.max(pausedUntil, clock.getAsLong() + pause.toNanos());
    }

    /** Calls waiting for their turn, not counting those in flight. */
    int queued() {
        return queued;
    }

    /** Calls out at Telegram. */
    int inFlight() {
        return inFlight;
    }

    private Next<T> take(Iterator<Map.Entry<Long, Lane<T>>> it, long chatId, Lane<T> lane) {
        Queued<T> head = lane.queue.pollFirst();
        queued--;
        inFlight++;
        lane.inFlight = head;
        if (head.countsForChat) lane.tokens -= 1;
        globalTokens -= 1;
        it.remove();
        lanes.put(chatId, lane); // to the back of the line: chats take turns
        return new Go<>(chatId, head.call);
    }

    private Lane<T> busyLane(long chatId) {
        Lane<T> lane = lanes.get(chatId); // a busy lane is never forgotten
        if (lane == null || lane.inFlight == null) throw new IllegalStateException("chat " + chatId + " has no call in flight");
        return lane;
    }

    private void settle(Lane<T> lane) {
        lane.inFlight = null;
        inFlight--;
    }

    private Lane<T> newLane(long chatId) {
        Duration interval = chatId < 0 ? limits.groupInterval() : limits.perChatInterval();
        return new Lane<>(interval.toNanos(), limits.perChatBurst(), clock.getAsLong());
    }

    private void refill(Lane<T> lane, long now) {
        double earned = (double) (now - lane.refilledAt) / lane.intervalNanos;
        lane.tokens = Math.min(limits.perChatBurst(), lane.tokens + earned);
        lane.refilledAt = now;
    }

    private void refillGlobal(long now) {
        double earned = (now - globalRefilledAt) * limits.messagesPerSecond() / 1_000_000_000.0;
        globalTokens = Math.min(limits.messagesPerSecond(), globalTokens + earned);
        globalRefilledAt = now;
    }
}
