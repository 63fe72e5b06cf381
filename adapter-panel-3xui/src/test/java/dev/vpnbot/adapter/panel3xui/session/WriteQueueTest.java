package dev.vpnbot.adapter.panel3xui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The single writer of a panel: one change at a time, waiting new clients of one inbound together. */
class WriteQueueTest {

    private final WriteQueue queue = new WriteQueue("test", PanelWriteLock.singleInstance(), "http://panel.test/", Duration.ofSeconds(5), 10);

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void changes_from_many_callers_run_one_at_a_time() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> queue.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                PanelSession.sleep(5);
                running.decrementAndGet();
                return n;
            })));
        }

        for (int i = 0; i < calls.size(); i++) assertThat(calls.get(i).join()).isEqualTo(i);
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void new_clients_waiting_for_the_same_inbound_are_handed_over_together_and_other_groups_are_not_mixed_in() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CompletableFuture<Object> blocker = occupyWriter(busy);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (String item : List.of("a1", "a2", "a3")) {
            calls.add(CompletableFuture.supplyAsync(() -> queue.<String, String>runGrouped(1, item, batch -> {
                batches.add(batch.stream().map(p -> p.item).toList());
                batch.forEach(p -> p.done(p.item.toUpperCase()));
            })));
            waitForWaiting(calls.size());
        }
        calls.add(CompletableFuture.supplyAsync(() -> queue.<String, String>runGrouped(2, "b1", batch -> {
            batches.add(batch.stream().map(p -> p.item).toList());
            batch.forEach(p -> p.done(p.item.toUpperCase()));
        })));
        waitForWaiting(4);
        calls.add(CompletableFuture.supplyAsync(() -> queue.<String, String>runGrouped(1, "a4", batch -> {
            batches.add(batch.stream().map(p -> p.item).toList());
            batch.forEach(p -> p.done(p.item.toUpperCase()));
        })));
        waitForWaiting(5);

        busy.countDown();
        blocker.join();

        assertThat(calls.stream().map(CompletableFuture::join)).containsExactly("A1", "A2", "A3", "B1", "A4");
        assertThat(batches).containsExactly(List.of("a1", "a2", "a3"), List.of("b1"), List.of("a4"));
    }

    @Test
    void a_caller_that_gave_up_waiting_leaves_and_its_change_never_runs() {
        WriteQueue slow = new WriteQueue("slow", PanelWriteLock.singleInstance(), "http://panel.test/", Duration.ofMillis(150), 10);
        try {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Object> blocker = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.run(() -> {
                        started.countDown();
                        return await(busy);
                    });
                } catch (PanelException e) {
                    return e; // its own caller gives up too; the writer still works on it
                }
            });
            await(started);
            AtomicBoolean ran = new AtomicBoolean();

            PanelException e = catchThrowableOfType(PanelException.class, () -> slow.run(() -> {
                ran.set(true);
                return null;
            }));
            busy.countDown();
            blocker.join();
            slow.run(() -> null); // the writer has moved past the abandoned change

            assertThat(e.kind()).isEqualTo(PanelFault.UNREACHABLE);
            assertThat(e.getMessage()).contains("did not finish");
            assertThat(ran).isFalse();
        } finally {
            slow.close();
        }
    }

    @Test
    void every_write_runs_inside_the_panels_cross_instance_lock_and_a_lock_refusal_fails_the_caller() {
        List<String> held = new CopyOnWriteArrayList<>();
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean refuse = new AtomicBoolean();
        PanelWriteLock recording = new PanelWriteLock() {
            @Override
            public <T> T whileHolding(String panel, java.util.function.Supplier<T> write) {
                if (refuse.get()) throw new PanelException(PanelFault.BUSY, "another instance is writing");
                held.add(panel);
                inside.set(true);
                try {
                    return write.get();
                } finally {
                    inside.set(false);
                }
            }
        };
        WriteQueue locked = new WriteQueue("locked", recording, "https://panel.test:2053/x/", Duration.ofSeconds(5), 10);
        try {
            assertThat((Boolean) locked.run(inside::get)).isTrue();
            refuse.set(true);
            PanelException e = catchThrowableOfType(PanelException.class, () -> locked.run(() -> "never"));
            assertThat(e.kind()).isEqualTo(PanelFault.BUSY);
            assertThat(held).containsExactly("https://panel.test:2053/x/");
        } finally {
            locked.close();
        }
    }

    @Test
    void a_failing_change_fails_its_caller_with_its_own_cause_and_the_writer_goes_on() {
        PanelException e = catchThrowableOfType(PanelException.class, () -> queue.run(() -> {
            throw new PanelException(PanelFault.CLIENT_NOT_FOUND, "gone");
        }));

        assertThat(e.kind()).isEqualTo(PanelFault.CLIENT_NOT_FOUND);
        assertThat(queue.<Integer>run(() -> 7)).isEqualTo(7);
    }

    @Test
    void closing_fails_what_still_waits_and_refuses_new_changes() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        occupyWriter(busy);
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> queue.run(() -> "never"));
        waitForWaiting(1);

        queue.close();
        busy.countDown();

        assertThat(waiting).failsWithin(2, TimeUnit.SECONDS).withThrowableThat().havingRootCause().withMessageContaining("closed");
        assertThat(catchThrowableOfType(PanelException.class, () -> queue.run(() -> "late")).kind()).isEqualTo(PanelFault.UNREACHABLE);
    }

    /** Starts a change that holds the writer until released, and returns once the writer runs it. */
    private CompletableFuture<Object> occupyWriter(CountDownLatch release) {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> change = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.run(() -> {
                    started.countDown();
                    return await(release);
                });
            } catch (PanelException e) {
                return e;
            }
        });
        await(started);
        return change;
    }

    private void waitForWaiting(int count) {
        Await.until(count + " changes waiting in the queue", Duration.ofSeconds(2), () -> queue.waitingCount() == count);
        assertThat(queue.waitingCount()).isEqualTo(count);
    }

    private static Object await(CountDownLatch latch) {
        Await.released("the test's latch", Duration.ofSeconds(5), latch);
        return "done";
    }
}
