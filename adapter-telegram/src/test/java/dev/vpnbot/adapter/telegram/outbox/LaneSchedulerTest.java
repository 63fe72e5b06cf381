package dev.vpnbot.adapter.telegram.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.telegram.outbox.LaneScheduler.Go;
import dev.vpnbot.adapter.telegram.outbox.LaneScheduler.Next;
import dev.vpnbot.adapter.telegram.outbox.LaneScheduler.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lanes on a fake clock: per-chat pacing, the overall budget, order within a chat, turns, retries, pauses. */
class LaneSchedulerTest {
    private static final long MS = 1_000_000L;

    /** Nanoseconds that move only when told; starts far from zero, as System.nanoTime() may. */
    private long now = -5_000_000_000L;

    private LaneScheduler<String> lanes(SenderLimits limits) {
        return new LaneScheduler<>(limits, () -> now);
    }

    private void advance(long millis) {
        now += millis * MS;
    }

    /** Sends (and settles at once) everything that may go now, in the order it goes. */
    private static List<String> drain(LaneScheduler<String> lanes) {
        List<String> sent = new ArrayList<>();
        for (Next<String> next = lanes.next(); next instanceof Go<String> go; next = lanes.next()) {
            sent.add(go.call());
            lanes.finished(go.chatId());
        }
        return sent;
    }

    private static long waitMillis(LaneScheduler<String> lanes) {
        Next<String> next = lanes.next();
        assertThat(next).isInstanceOf(Wait.class);
        long nanos = ((Wait<String>) next).nanos();
        return nanos == Wait.UNTIL_TOLD ? Long.MAX_VALUE : nanos / MS; // the scheduler adds a nanosecond to be sure
    }

    @Test
    void a_chat_gets_its_burst_then_one_message_per_interval() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 2, Duration.ofMillis(200), Duration.ofMillis(600), 4, 3));
        for (int i = 1; i <= 7; i++) lanes.add(7, true, "m" + i);

        assertThat(drain(lanes)).containsExactly("m1", "m2");
        assertThat(waitMillis(lanes)).isEqualTo(200);
        advance(199);
        assertThat(drain(lanes)).isEmpty();
        advance(2);
        assertThat(drain(lanes)).containsExactly("m3");
        advance(200);
        assertThat(drain(lanes)).containsExactly("m4");
        advance(10_000);
        assertThat(drain(lanes)).as("a rested chat saves up no more than its burst").containsExactly("m5", "m6");
    }

    @Test
    void groups_are_paced_by_their_own_slower_interval() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 1, Duration.ofMillis(50), Duration.ofMillis(400), 4, 3));
        lanes.add(-100, true, "g1");
        lanes.add(-100, true, "g2");
        lanes.add(5, true, "p1");
        lanes.add(5, true, "p2");

        assertThat(drain(lanes)).containsExactly("g1", "p1");
        advance(50);
        assertThat(drain(lanes)).containsExactly("p2");
        assertThat(waitMillis(lanes)).isEqualTo(350);
        advance(350);
        assertThat(drain(lanes)).containsExactly("g2");
    }

    @Test
    void the_overall_budget_holds_across_chats() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(10, 3, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        for (int chat = 1; chat <= 20; chat++) lanes.add(chat, true, "to " + chat);

        assertThat(drain(lanes)).as("one at once").hasSize(1);
        assertThat(lanes.queued()).isEqualTo(19);
        assertThat(waitMillis(lanes)).isEqualTo(100);
        for (int i = 0; i < 5; i++) {
            advance(100);
            assertThat(drain(lanes)).as("one earned per 100 ms").hasSize(1);
        }
        advance(5000);
        assertThat(drain(lanes)).as("the budget never saves up more than one call").hasSize(1);
        assertThat(lanes.queued()).isEqualTo(13);
    }

    @Test
    void a_chats_calls_go_in_order_and_never_two_at_once() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 10, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        lanes.add(7, true, "first");
        lanes.add(7, true, "second");

        Next<String> next = lanes.next();
        assertThat(next).isEqualTo(new Go<>(7, "first"));
        assertThat(waitMillis(lanes)).as("the second waits while the first is out").isEqualTo(Long.MAX_VALUE);
        assertThat(lanes.inFlight()).isEqualTo(1);

        lanes.finished(7);
        assertThat(lanes.next()).isEqualTo(new Go<>(7, "second"));
    }

    @Test
    void chats_take_turns() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 10, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        for (int i = 1; i <= 3; i++) lanes.add(1, true, "a" + i);
        lanes.add(2, true, "b1");
        lanes.add(3, true, "c1");

        assertThat(drain(lanes)).containsExactly("a1", "b1", "c1", "a2", "a3");
    }

    @Test
    void a_retry_goes_first_in_its_lane_once_its_delay_has_passed() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 10, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        lanes.add(7, true, "first");
        lanes.add(7, true, "second");
        lanes.add(8, true, "other chat");

        assertThat(lanes.next()).isEqualTo(new Go<>(7, "first"));
        lanes.retry(7, "first", Duration.ofSeconds(2));

        assertThat(drain(lanes)).as("the other chat does not wait for it").containsExactly("other chat");
        assertThat(waitMillis(lanes)).isEqualTo(2000);
        advance(2000);
        assertThat(drain(lanes)).containsExactly("first", "second");
    }

    @Test
    void a_pause_holds_every_chat() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 10, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        lanes.add(1, true, "refused");
        assertThat(lanes.next()).isEqualTo(new Go<>(1, "refused"));
        lanes.pauseAll(Duration.ofSeconds(3));
        lanes.retry(1, "refused", Duration.ZERO);
        lanes.add(2, true, "other chat");

        assertThat(waitMillis(lanes)).isEqualTo(3000);
        lanes.pauseAll(Duration.ofSeconds(1));
        assertThat(waitMillis(lanes)).as("a shorter pause does not cut a longer one").isEqualTo(3000);
        advance(3000);
        assertThat(drain(lanes)).containsExactlyInAnyOrder("refused", "other chat");
    }

    @Test
    void a_gone_chat_hands_back_what_it_had_queued_and_the_others_go_on() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 10, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        lanes.add(7, true, "one");
        lanes.add(7, true, "two");
        lanes.add(7, true, "three");
        lanes.add(8, true, "other chat");

        assertThat(lanes.next()).isEqualTo(new Go<>(7, "one"));
        assertThat(lanes.dropChat(7)).containsExactly("two", "three");

        assertThat(lanes.queued()).isEqualTo(1);
        assertThat(lanes.inFlight()).isZero();
        assertThat(drain(lanes)).containsExactly("other chat");
    }

    @Test
    void calls_that_are_no_message_to_the_chat_do_not_wait_for_its_bucket_but_do_count_overall() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(20, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 4, 3));
        lanes.add(7, true, "message");
        lanes.add(7, false, "answer");

        assertThat(drain(lanes)).containsExactly("message");
        advance(50);
        assertThat(drain(lanes)).as("the chat's bucket is empty, but a button's answer is no message to it").containsExactly("answer");
        lanes.add(8, true, "to another chat");
        assertThat(waitMillis(lanes)).as("the overall bucket of one is spent").isEqualTo(50);
    }

    @Test
    void settling_a_chat_with_nothing_in_flight_is_a_programming_error() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 10, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        lanes.add(7, true, "queued");

        assertThatThrownBy(() -> lanes.finished(7)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lanes.retry(9, "x", Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answers_go_at_once_outside_the_overall_budget_which_the_bots_own_messages_share() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1, 3, Duration.ofMillis(10), Duration.ofMillis(10), 4, 3));
        for (int chat = 1; chat <= 5; chat++) lanes.add(chat, true, "notice " + chat);
        for (int chat = 10; chat <= 29; chat++) lanes.addAnswer(chat, true, "answer " + chat, null);

        List<String> sent = drain(lanes);
        assertThat(sent).filteredOn(c -> c.startsWith("answer")).hasSize(20);
        assertThat(sent).filteredOn(c -> c.startsWith("notice")).as("one second's budget of one").hasSize(1);
        assertThat(lanes.answersQueued()).isZero();
        assertThat(lanes.queued()).isEqualTo(4);
    }

    @Test
    void an_answer_goes_before_what_the_chat_already_had_queued_and_keeps_the_chats_pace() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 2, Duration.ofMillis(200), Duration.ofMillis(600), 4, 3));
        lanes.add(7, true, "notice");
        lanes.addAnswer(7, true, "screen 1", null);
        lanes.addAnswer(7, true, "screen 2", null);
        lanes.addAnswer(7, true, "screen 3", null);

        assertThat(drain(lanes)).as("the chat's burst of two").containsExactly("screen 1", "screen 2");
        assertThat(waitMillis(lanes)).isEqualTo(200);
        advance(200);
        assertThat(drain(lanes)).containsExactly("screen 3");
        advance(200);
        assertThat(drain(lanes)).containsExactly("notice");
    }

    @Test
    void a_button_answer_that_waited_past_its_lifetime_is_handed_back_instead_of_sent() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 2, Duration.ofMillis(200), Duration.ofMillis(600), 4, 3));
        lanes.addAnswer(7, true, "screen", null);
        assertThat(lanes.next()).isInstanceOf(Go.class); // out at Telegram, which takes its time
        lanes.addAnswer(7, false, "button answer", Duration.ofSeconds(15));
        advance(15_001);
        lanes.finished(7);

        Next<String> next = lanes.next();
        assertThat(next).isEqualTo(new LaneScheduler.Stale<>(7, "button answer"));
        assertThat(lanes.queued()).isZero();
        assertThat(lanes.answersQueued()).isZero();
    }

    @Test
    void chats_that_only_got_answers_are_forgotten_once_rested() {
        LaneScheduler<String> lanes = lanes(new SenderLimits(1000, 2, Duration.ofMillis(200), Duration.ofMillis(600), 4, 3));
        for (int chat = 1; chat <= 100; chat++) lanes.addAnswer(chat, true, "screen " + chat, null);
        assertThat(drain(lanes)).hasSize(100);
        assertThat(lanes.chatsKnown()).isEqualTo(100);

        advance(1000);
        for (int i = 0; i < 30; i++) lanes.next();
        assertThat(lanes.chatsKnown()).isZero();
    }

    @Test
    void at_telegrams_default_limits_no_second_sees_more_than_29_and_the_budget_is_kept_busy() {
        LaneScheduler<String> lanes = lanes(SenderLimits.telegramDefaults());
        for (int chat = 1; chat <= 200; chat++) lanes.add(chat, true, "broadcast " + chat);
        List<Long> sentAt = new ArrayList<>();
        while (sentAt.size() < 200) {
            for (String ignored : drain(lanes)) sentAt.add(now);
            advance(1);
        }
        int mostInOneSecond = 0;
        for (int first = 0, last = 0; last < sentAt.size(); last++) {
            while (sentAt.get(last) - sentAt.get(first) >= 1000 * MS) first++;
            mostInOneSecond = Math.max(mostInOneSecond, last - first + 1);
        }
        assertThat(mostInOneSecond).as("Telegram allows 30; the budget is kept busy").isBetween(27, 29);
    }

    @Test
    void a_worker_that_comes_back_late_each_time_still_keeps_the_budget_and_no_second_sees_more_than_29() {
        LaneScheduler<String> lanes = lanes(SenderLimits.telegramDefaults());
        for (int chat = 1; chat <= 400; chat++) lanes.add(chat, true, "broadcast " + chat);
        long start = now;
        List<Long> sentAt = new ArrayList<>();
        while (now - start < 10_000 * MS) {
            Next<String> next = lanes.next();
            if (next instanceof Go<String> go) {
                sentAt.add(now);
                lanes.finished(go.chatId());
            } else {
                now += ((Wait<String>) next).nanos() + 5 * MS; // a busy machine wakes the worker 5 ms late
            }
        }
        int mostInOneSecond = 0;
        for (int first = 0, last = 0; last < sentAt.size(); last++) {
            while (sentAt.get(last) - sentAt.get(first) >= 1000 * MS) first++;
            mostInOneSecond = Math.max(mostInOneSecond, last - first + 1);
        }
        assertThat(sentAt.size()).as("28/s for 10 s, not 24.6/s").isGreaterThanOrEqualTo(275);
        assertThat(mostInOneSecond).isLessThanOrEqualTo(29);
    }
}
