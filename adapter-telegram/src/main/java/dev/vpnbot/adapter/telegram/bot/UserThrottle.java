package dev.vpnbot.adapter.telegram.bot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How fast one user may press buttons and write: a token bucket per user and per kind, filled at
 * the configured rate per minute and holding that many at most (a burst of a minute's worth,
 * then the rate). What goes beyond is dropped before any screen runs or any reply is queued, so
 * one user (or a script) can neither keep the update threads nor the outgoing budget to itself.
 * Admins are never throttled; that is the caller's rule.
 */
public final class UserThrottle {
    /** What is counted: every update, or messages to support (which reach people, so far fewer). */
    public enum Kind { ACTION, SUPPORT_MESSAGE }

    /** Support messages allowed per minute for every {@code SUPPORT_SHARE} actions. */
    private static final int SUPPORT_SHARE = 8;
    private static final int FORGET_AFTER_USERS = 10_000;

    private record Key(long user, Kind kind) {}

    private static final class Bucket {
        double tokens;
        long at;
        boolean told;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** The verdict on one update. */
    public enum Verdict {
        ALLOWED,
        /** The first one dropped in a row: worth one short "slow down". */
        DROPPED_TELL,
        /** Dropped quietly: the user was told already. */
        DROPPED
    }

    private final int actionsPerMinute;
    private final LongSupplier nanos;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** When the map was last swept (monotonic nanos); a second before the start, so the first need sweeps at once. */
    private final java.util.concurrent.atomic.AtomicLong lastSweep;

    /** @param nanos a monotonic clock in nanoseconds ({@link System#nanoTime} in production) */
    public UserThrottle(int actionsPerMinute, LongSupplier nanos) {
        if (actionsPerMinute < 1) throw new IllegalArgumentException("actions per minute must be positive");
        this.actionsPerMinute = actionsPerMinute;
        this.nanos = nanos;
        this.lastSweep = new java.util.concurrent.atomic.AtomicLong(nanos.getAsLong() - SWEEP_EVERY_NANOS);
    }

    /** Buckets remembered now (a user's per kind); idle ones are forgotten once there are many. */
    public int remembered() {
        return buckets.size();
    }

    public Verdict check(long user, Kind kind) {
        int perMinute = kind == Kind.ACTION ? actionsPerMinute : Math.max(3, actionsPerMinute / SUPPORT_SHARE);
        long now = nanos.getAsLong();
        if (buckets.size() > FORGET_AFTER_USERS) forgetFull(now);
        Bucket bucket = buckets.computeIfAbsent(new Key(user, kind), k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double refill = (now - bucket.at) * perMinute / (double) TimeUnit.MINUTES.toNanos(1);
            bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                bucket.told = false;
                return Verdict.ALLOWED;
            }
            if (bucket.told) return Verdict.DROPPED;
            bucket.told = true;
            return Verdict.DROPPED_TELL;
        }
    }

    /**
     * Users idle for a minute or more have full buckets again: nothing worth remembering. One
     * sweep a second at most, by one thread: with more than {@link #FORGET_AFTER_USERS} users
     * active within a minute, a sweep on every update made each update walk the whole map on the
     * long-poll thread (bench/bot.sh: the intake's top frame at 2,000 updates a second).
     */
    private void forgetFull(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) return;
        buckets.values().removeIf(b -> now - b.at >= TimeUnit.MINUTES.toNanos(1));
    }
}
