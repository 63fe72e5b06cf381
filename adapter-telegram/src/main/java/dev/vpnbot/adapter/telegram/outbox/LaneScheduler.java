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
 * message per interval; groups slower). Calls come in two kinds: answers to a user's own action
 * ({@link #addAnswer}: the button's answer, the screen they asked for) go before anything else of
 * the chat and at once, within the chat's own pace only; what the bot sends on its own
 * ({@link #add}: notices, reminders, broadcasts) shares the overall budget per second, chats
 * taking turns. Everything waits together after a 429; an answer that waited past its deadline
 * is handed back as {@link Stale} instead of going out (Telegram refuses old button answers).
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
    sealed interface Next<T> permits Go, Wait, Stale {}

    /** Send this call now; its lane stays busy until {@link #finished}, {@link #retry} or {@link #dropChat}. */
    record Go<T>(long chatId, T call) implements Next<T> {}

    /** This answer waited past its deadline: it is no longer queued and must not go out. */
    record Stale<T>(long chatId, T call) implements Next<T> {}

    /** Nothing may go for this many nanoseconds; {@link #UNTIL_TOLD} when only a new or finished call can change that. */
    record Wait<T>(long nanos) implements Next<T> {
        static final long UNTIL_TOLD = Long.MAX_VALUE;
    }

    private static final class Queued<T> {
        final T call;
        final boolean countsForChat;
        /** An answer to the user's own action (outside the overall budget), or something the bot sends on its own. */
        final boolean answer;
        /** When an answer is no longer worth sending; {@link Long#MAX_VALUE} for never. */
        final long staleAt;
        long notBefore = Long.MIN_VALUE;

        Queued(T call, boolean countsForChat, boolean answer, long staleAt) {
            this.call = call;
            this.countsForChat = countsForChat;
            this.answer = answer;
            this.staleAt = staleAt;
        }
    }

    /** A chat's queue and its own token bucket; {@code inFlight} is its one call out at Telegram. */
    private static final class Lane<T> {
        final ArrayDeque<Queued<T>> queue = new ArrayDeque<>();
        final ArrayDeque<Queued<T>> answers = new ArrayDeque<>();
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
    /** The lanes holding answers, in their own turn order (a lane here is the same object as in {@link #lanes}). */
    private final Map<Long, Lane<T>> answering = new LinkedHashMap<>();
    /**
     * The overall bucket holds a thirtieth of a second's budget (one call at Telegram's rates), so
     * no window of one second sees more than the budget plus that (28 + 1, under Telegram's 30,
     * with room for calls that arrive bunched): a fuller bucket would let a broadcast start with a
     * burst Telegram answers with 429.
     */
    private final int globalBurst;
    /**
     * How late (in calls' worth of budget) a worker may come back for the next call without the
     * budget being lost: a full bucket overflows, so on a busy machine every millisecond a worker
     * overslept went unused (28/s became 24.9/s). A quarter call keeps any one second at 29 at most.
     */
    private static final double LATE_TOLERANCE = 0.25;
    private double globalTokens;
    private long globalRefilledAt;
    private long pausedUntil = Long.MIN_VALUE;
    private int queued;
    private int answersQueued;
    private int inFlight;

    /** @param clock nanoseconds from any fixed origin; only differences count */
    LaneScheduler(SenderLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        this.globalBurst = Math.max(1, limits.messagesPerSecond() / 30);
        this.globalTokens = globalBurst;
        this.globalRefilledAt = clock.getAsLong();
    }

    /**
     * Queues a call behind the chat's earlier ones.
     *
     * @param countsForChat false for calls Telegram does not count as messages to the chat
     *                      (answering a button, deleting); they still count for the overall budget
     */
    void add(long chatId, boolean countsForChat, T call) {
        lanes.computeIfAbsent(chatId, this::newLane).queue.addLast(new Queued<>(call, countsForChat, false, Long.MAX_VALUE));
        queued++;
    }

    /**
     * Queues an answer to the user's own action: it goes before the chat's other queued calls and
     * outside the overall budget, within the chat's own pace.
     *
     * @param staleAfter how long it is worth sending (a button's answer: Telegram's ~15 s); null for always
     */
    void addAnswer(long chatId, boolean countsForChat, T call, Duration staleAfter) {
        long staleAt = staleAfter == null ? Long.MAX_VALUE : clock.getAsLong() + staleAfter.toNanos();
        Lane<T> lane = lanes.computeIfAbsent(chatId, this::newLane);
        lane.answers.addLast(new Queued<>(call, countsForChat, true, staleAt));
        answering.put(chatId, lane); // a known chat keeps its turn; a lane forgotten meanwhile is replaced
        queued++;
        answersQueued++;
    }

    /**
     * Takes the next call that may go now, if any: answers first, then what the bot sends on its
     * own within the overall budget; within each kind, lanes take turns (the one served goes to the back).
     */
    Next<T> next() {
        long now = clock.getAsLong();
        if (now < pausedUntil) return new Wait<>(pausedUntil - now);
        forgetRested(now);
        long wait = Wait.UNTIL_TOLD;
        Iterator<Map.Entry<Long, Lane<T>>> answers = answering.entrySet().iterator();
        while (answers.hasNext()) {
            Map.Entry<Long, Lane<T>> entry = answers.next();
            Lane<T> lane = entry.getValue();
            if (lane.answers.isEmpty()) {
                answers.remove();
                continue;
            }
            if (lane.inFlight != null) continue;
            Queued<T> head = lane.answers.peekFirst();
            if (head.staleAt <= now) {
                lane.answers.pollFirst();
                queued--;
                answersQueued--;
                return new Stale<>(entry.getKey(), head.call);
            }
            long headWait = headWait(lane, head, now);
            if (headWait > 0) {
                wait = Math.min(wait, headWait);
                continue;
            }
            answers.remove();
            if (lane.answers.size() > 1) answering.put(entry.getKey(), lane); // to the back of the line
            return take(lane.answers.pollFirst(), entry.getKey(), lane);
        }
        if (queued == answersQueued) return new Wait<>(wait);
        refillGlobal(now);
        if (globalTokens < 1) {
            return new Wait<>(Math.min(wait, (long) ((1 - globalTokens) * SECOND / limits.messagesPerSecond()) + 1));
        }
        Iterator<Map.Entry<Long, Lane<T>>> it = lanes.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Lane<T>> entry = it.next();
            Lane<T> lane = entry.getValue();
            if (lane.inFlight != null) continue;
            if (lane.queue.isEmpty()) {
                refill(lane, now);
                // idle and rested: forget it
                if (lane.answers.isEmpty() && lane.tokens >= limits.perChatBurst()) it.remove();
                continue;
            }
            long headWait = headWait(lane, lane.queue.peekFirst(), now);
            if (headWait > 0) {
                wait = Math.min(wait, headWait);
                continue;
            }
            globalTokens -= 1;
            return take(lane.queue.pollFirst(), entry.getKey(), lane);
        }
        return new Wait<>(wait);
    }

    /**
     * Forgets a few idle, rested lanes from the front of the line (the longest unserved), so chats
     * that only ever got answers do not pile up; stops at the first lane still in use.
     */
    private void forgetRested(long now) {
        Iterator<Lane<T>> it = lanes.values().iterator();
        for (int i = 0; i < 4 && it.hasNext(); i++) {
            Lane<T> lane = it.next();
            if (lane.inFlight != null || !lane.queue.isEmpty() || !lane.answers.isEmpty()) return;
            refill(lane, now);
            if (lane.tokens < limits.perChatBurst()) return;
            it.remove();
        }
    }

    /** Nanoseconds the lane's head must still wait for its retry time or the chat's pace; 0 when it may go. */
    private long headWait(Lane<T> lane, Queued<T> head, long now) {
        if (head.notBefore > now) return head.notBefore - now;
        refill(lane, now);
        if (head.countsForChat && lane.tokens < 1) return (long) ((1 - lane.tokens) * lane.intervalNanos) + 1;
        return 0;
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
        Queued<T> was = lane.inFlight;
        Queued<T> again = new Queued<>(call, was.countsForChat, was.answer, was.staleAt);
        settle(lane);
        again.notBefore = clock.getAsLong() + delay.toNanos();
        if (again.answer) {
            lane.answers.addFirst(again);
            answering.put(chatId, lane);
            answersQueued++;
        } else {
            lane.queue.addFirst(again);
        }
        queued++;
    }

    /** The chat is gone (it blocked the bot): its call in flight is settled, and what it still had queued is handed back. */
    List<T> dropChat(long chatId) {
        Lane<T> lane = busyLane(chatId);
        settle(lane);
        List<T> dropped = new ArrayList<>(lane.queue.size() + lane.answers.size());
        for (Queued<T> q : lane.answers) dropped.add(q.call);
        for (Queued<T> q : lane.queue) dropped.add(q.call);
        queued -= lane.queue.size() + lane.answers.size();
        answersQueued -= lane.answers.size();
        lane.queue.clear();
        lane.answers.clear();
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

    /** Answers to users' own actions waiting for their turn (part of {@link #queued}). */
    int answersQueued() {
        return answersQueued;
    }

    /** Chats with a lane (queued, in flight or not yet rested). */
    int chatsKnown() {
        return lanes.size();
    }

    /** Calls out at Telegram. */
    int inFlight() {
        return inFlight;
    }

    private Next<T> take(Queued<T> head, long chatId, Lane<T> lane) {
        queued--;
        if (head.answer) answersQueued--;
        inFlight++;
        lane.inFlight = head;
        if (head.countsForChat) lane.tokens -= 1;
        lanes.remove(chatId);
        lanes.put(chatId, lane); // to the back of the line: chats take turns, the longest unserved come first
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
        globalTokens = Math.min(globalBurst + LATE_TOLERANCE, globalTokens + earned);
        globalRefilledAt = now;
    }
}
