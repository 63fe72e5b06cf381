package dev.vpnbot.adapter.telegram.intake;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded way from where updates arrive (the long poll, the webhook) to the handlers: at most
 * {@code capacity} updates wait or run at once, one user's in the order they came, different
 * users' in parallel on a fixed number of workers. {@link #offer} never blocks: when the queue is
 * full it says so at once, and the caller answers "busy" instead of letting updates pile up.
 *
 * @param <T> what is queued (an update)
 */
public final class UpdateQueue<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateQueue.class);

    /** What became of an offered update. */
    public enum Taken {
        /** queued behind the user's earlier updates; the handler gets it */
        QUEUED,
        /** the queue is full: not queued, the handler never sees it */
        FULL,
        /** the queue is closing: not queued */
        STOPPING
    }

    private final int capacity;
    private final Consumer<T> handler;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * @param capacity updates waiting or being handled at once, at most (beyond it {@link Taken#FULL})
     * @param workers  threads handling updates
     * @param handler  handles one update; what it throws is logged and the user's next update still runs
     */
    public UpdateQueue(int capacity, int workers, String threadName, Consumer<T> handler) {
        if (capacity < 1 || workers < 1) throw new IllegalArgumentException("capacity and workers must be positive");
        this.capacity = capacity;
        this.handler = handler;
        AtomicInteger n = new AtomicInteger();
        // a fixed pool: a thread is started per update until there are {@code workers} of them
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues {@code update} behind the earlier ones of {@code user}; returns at once.
     *
     * @param always queue it even when the queue is full (updates that must never be dropped)
     */
    public Taken offer(long user, T update, boolean always) {
        if (workers.isShutdown()) return Taken.STOPPING;
        if (pending.incrementAndGet() > capacity && !always) {
            pending.decrementAndGet();
            return Taken.FULL;
        }
        CompletableFuture<Void> next;
        try {
            next = tails.compute(user, (k, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                    .thenRunAsync(() -> run(update), workers));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            return Taken.STOPPING;
        }
        next.whenComplete((ok, error) -> tails.remove(user, next));
        return Taken.QUEUED;
    }

    /** Updates waiting or being handled now. */
    public int pending() {
        return pending.get();
    }

    public int capacity() {
        return capacity;
    }

    /** Worker threads started so far: one per update taken, up to the {@code workers} given. */
    public int threads() {
        return workers.getPoolSize();
    }

    private void run(T update) {
        try {
            handler.accept(update);
        } catch (RuntimeException e) {
            LOG.error("an update could not be handled", e);
        } finally {
            pending.decrementAndGet();
        }
    }

    /** Takes nothing more and waits up to 5 seconds for what is being handled. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
