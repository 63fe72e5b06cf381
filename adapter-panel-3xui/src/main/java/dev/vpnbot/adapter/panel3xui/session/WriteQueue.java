package dev.vpnbot.adapter.panel3xui.session;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The single writer of one panel. Before v3.1 a panel rewrites an inbound's whole client
 * list on every change without any locking, so two of our changes in flight at once can
 * silently lose one: every change therefore runs here, one at a time, in arrival order.
 * Consecutive waiting items of the same group (new clients for one inbound) are handed to
 * their writer together, so they can go out in one call. Each write also holds the panel's
 * {@link PanelWriteLock}, which keeps other bot instances on the same database out meanwhile.
 */
public final class WriteQueue implements AutoCloseable {

    /** One item of a group, completed by the group's writer. */
    public static final class Pending<I> {
        public final I item;
        private final CompletableFuture<Object> result = new CompletableFuture<>();

        Pending(I item) {
            this.item = item;
        }

        public void done(Object value) {
            result.complete(value);
        }

        public void failed(RuntimeException e) {
            result.completeExceptionally(e);
        }

        public boolean open() {
            return !result.isDone();
        }
    }

    private sealed interface Task permits Single, Grouped {
        CompletableFuture<Object> future();
    }

    private record Single(Supplier<Object> write, CompletableFuture<Object> future) implements Task {}

    private record Grouped(Object group, Pending<Object> pending, Consumer<List<Pending<Object>>> writer) implements Task {
        public CompletableFuture<Object> future() {
            return pending.result;
        }
    }

    private final String name;
    private final PanelWriteLock lock;
    private final String panel;
    private final Duration timeout;
    private final int maxBatch;
    private final Deque<Task> tasks = new ArrayDeque<>();
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition waiting = queueLock.newCondition();
    private final Thread worker;
    private boolean open = true;

    /**
     * @param lock  held around every write, so other bot instances on the same database wait
     * @param panel the panel's identity for that lock (its base URL)
     */
    WriteQueue(String name, PanelWriteLock lock, String panel, Duration timeout, int maxBatch) {
        this.name = name;
        this.lock = lock;
        this.panel = panel;
        this.timeout = timeout;
        this.maxBatch = maxBatch;
        this.worker = new Thread(this::work, "3x-ui-writer-" + name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Runs one change on the writer and waits for it. */
    @SuppressWarnings("unchecked")
    public <T> T run(Supplier<T> write) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        enqueue(new Single((Supplier<Object>) write, future));
        return (T) await(future);
    }

    /**
     * Queues an item of a group and waits for its result. The writer receives every
     * consecutive waiting item of the same group (at most maxBatch) and must complete each.
     */
    @SuppressWarnings("unchecked")
    public <I, T> T runGrouped(Object group, I item, Consumer<List<Pending<I>>> writer) {
        Pending<Object> pending = new Pending<>(item);
        Consumer<List<Pending<Object>>> untyped = list -> writer.accept((List<Pending<I>>) (List<?>) list);
        enqueue(new Grouped(Objects.requireNonNull(group), pending, untyped));
        return (T) await(pending.result);
    }

    /** Changes queued behind the one being written (tests wait for it instead of sleeping). */
    public int waitingCount() {
        queueLock.lock();
        try {
            return tasks.size();
        } finally {
            queueLock.unlock();
        }
    }

    private void enqueue(Task task) {
        queueLock.lock();
        try {
            if (!open) throw new PanelException(PanelFault.UNREACHABLE, "the connection to panel " + name + " was closed");
            tasks.addLast(task);
            waiting.signal();
        } finally {
            queueLock.unlock();
        }
    }

    private Object await(CompletableFuture<Object> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false); // not started yet: it never will be
            throw new PanelException(PanelFault.UNREACHABLE,
                    "panel " + name + " did not finish the change within " + timeout.toMillis() + " ms ("
                            + waitingCount() + " more changes waiting)");
        } catch (CancellationException e) {
            throw new PanelException(PanelFault.UNREACHABLE, "the change to panel " + name + " was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new PanelException(PanelFault.UNREACHABLE, "interrupted while waiting for panel " + name);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new PanelException(PanelFault.UNREACHABLE, "change to panel " + name + " failed: " + cause, cause);
        }
    }

    private void work() {
        while (true) {
            List<Task> batch = next();
            if (batch == null) return;
            execute(batch);
        }
    }

    /** The next task, or the run of consecutive tasks of one group; null once closed. */
    private List<Task> next() {
        queueLock.lock();
        try {
            while (open && tasks.isEmpty()) waiting.awaitUninterruptibly();
            if (!open) return null;
            List<Task> batch = new ArrayList<>();
            Task head = tasks.pollFirst();
            batch.add(head);
            if (head instanceof Grouped g) {
                while (batch.size() < maxBatch && tasks.peekFirst() instanceof Grouped more && more.group().equals(g.group())) {
                    batch.add(tasks.pollFirst());
                }
            }
            return batch;
        } finally {
            queueLock.unlock();
        }
    }

    private void execute(List<Task> batch) {
        List<Task> live = batch.stream().filter(t -> !t.future().isDone()).toList(); // timed-out callers left
        if (live.isEmpty()) return;
        try {
            lock.whileHolding(panel, () -> {
                write(live);
                return null;
            });
        } catch (RuntimeException | Error e) {
            live.forEach(t -> t.future().completeExceptionally(e));
        }
    }

    private static void write(List<Task> live) {
        if (live.get(0) instanceof Single single) {
            single.future().complete(single.write().get());
            return;
        }
        Grouped first = (Grouped) live.get(0);
        List<Pending<Object>> items = live.stream().map(t -> ((Grouped) t).pending()).toList();
        first.writer().accept(items);
        for (Pending<Object> p : items) {
            if (p.open()) p.failed(new IllegalStateException("the group writer left an item without a result"));
        }
    }

    @Override
    public void close() {
        List<Task> left;
        queueLock.lock();
        try {
            open = false;
            left = new ArrayList<>(tasks);
            tasks.clear();
            waiting.signalAll();
        } finally {
            queueLock.unlock();
        }
        PanelException closed = new PanelException(PanelFault.UNREACHABLE, "the connection to panel " + name + " was closed");
        left.forEach(t -> t.future().completeExceptionally(closed));
    }
}
