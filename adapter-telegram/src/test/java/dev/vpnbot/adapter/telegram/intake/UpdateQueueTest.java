package dev.vpnbot.adapter.telegram.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.intake.UpdateQueue.Taken;
import dev.vpnbot.application.fixtures.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule: at most {@code capacity} updates wait or run; a full queue refuses at once; one user's updates run in order. */
class UpdateQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private UpdateQueue<String> queue;

    @AfterEach
    void close() {
        gate.countDown();
        if (queue != null) queue.close();
    }

    /** Updates named "hold…" wait for the gate; every update is recorded when it starts and when it is done. */
    private Consumer<String> handler() {
        return update -> {
            started.add(update);
            if (update.startsWith("hold")) {
                Await.released("the test opens the gate", WAIT, gate);
            }
            if (update.startsWith("fail")) throw new IllegalStateException("a screen failed");
            handled.add(update);
        };
    }

    @Test
    void a_full_queue_refuses_at_once_takes_what_must_never_be_dropped_and_takes_again_once_there_is_room() {
        queue = new UpdateQueue<>(2, 1, "test-update", handler());
        assertThat(queue.offer(1, "hold-1", false)).isEqualTo(Taken.QUEUED);
        assertThat(queue.offer(2, "two", false)).isEqualTo(Taken.QUEUED);
        Await.until("the first update is being handled", WAIT, () -> started.contains("hold-1"));

        assertThat(queue.offer(3, "three", false)).as("two waiting or running: full").isEqualTo(Taken.FULL);
        assertThat(queue.offer(4, "payment", true)).as("never dropped").isEqualTo(Taken.QUEUED);
        assertThat(queue.pending()).isEqualTo(3);

        gate.countDown();
        Await.until("the queue drained", WAIT, () -> queue.pending() == 0);
        assertThat(handled).containsExactly("hold-1", "two", "payment");
        assertThat(queue.offer(3, "three again", false)).isEqualTo(Taken.QUEUED);
        Await.until("room again", WAIT, () -> handled.contains("three again"));
    }

    @Test
    void one_users_updates_run_in_order_while_another_users_go_past_them() {
        queue = new UpdateQueue<>(10, 2, "test-update", handler());
        queue.offer(1, "hold-a", false);
        queue.offer(1, "a2", false);
        queue.offer(2, "b1", false);
        Await.until("another user's update is not held up", WAIT, () -> handled.contains("b1"));
        assertThat(handled).doesNotContain("a2");

        gate.countDown();
        Await.until("the queue drained", WAIT, () -> queue.pending() == 0);
        assertThat(handled).containsSubsequence("hold-a", "a2");
    }

    @Test
    void no_more_updates_run_at_once_than_there_are_workers() {
        queue = new UpdateQueue<>(10, 2, "test-update", handler());
        queue.offer(1, "hold-1", false);
        queue.offer(2, "hold-2", false);
        queue.offer(3, "hold-3", false);
        Await.until("two updates run", WAIT, () -> started.size() == 2);

        assertThat(queue.threads()).as("a thread per update taken, up to the two workers").isEqualTo(2);
        assertThat(queue.pending()).isEqualTo(3);
        gate.countDown();
        Await.until("the queue drained", WAIT, () -> queue.pending() == 0);
        assertThat(handled).containsExactlyInAnyOrder("hold-1", "hold-2", "hold-3");
        assertThat(queue.threads()).isEqualTo(2);
    }

    @Test
    void a_failing_update_does_not_stop_the_next_of_the_same_user_nor_leak_room() {
        queue = new UpdateQueue<>(1, 1, "test-update", handler());
        queue.offer(1, "fail-1", false);
        Await.until("the failed update left the queue", WAIT, () -> queue.pending() == 0);
        assertThat(queue.offer(1, "after", false)).isEqualTo(Taken.QUEUED);
        Await.until("the next update ran", WAIT, () -> handled.contains("after"));
    }

    @Test
    void a_closed_queue_takes_nothing() {
        queue = new UpdateQueue<>(5, 1, "test-update", handler());
        queue.close();
        assertThat(queue.offer(1, "late", true)).isEqualTo(Taken.STOPPING);
        assertThat(queue.pending()).isZero();
    }
}
