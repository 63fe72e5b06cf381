package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.bot.UserThrottle;
import dev.vpnbot.adapter.telegram.bot.UserThrottle.Kind;
import dev.vpnbot.adapter.telegram.bot.UserThrottle.Verdict;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule: a user faster than USER_ACTIONS_PER_MINUTE is dropped before any screen runs; admins never are. */
class UserThrottleTest {
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void a_minutes_worth_goes_through_at_once_then_one_per_refill_and_the_first_dropped_hears_why() {
        AtomicLong now = new AtomicLong();
        UserThrottle throttle = new UserThrottle(6, now::get); // one more every 10 s
        for (int i = 0; i < 6; i++) assertThat(throttle.check(1, Kind.ACTION)).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.check(1, Kind.ACTION)).isEqualTo(Verdict.DROPPED_TELL);
        assertThat(throttle.check(1, Kind.ACTION)).isEqualTo(Verdict.DROPPED);
        assertThat(throttle.check(2, Kind.ACTION)).as("another user is not held back").isEqualTo(Verdict.ALLOWED);

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(throttle.check(1, Kind.ACTION)).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.check(1, Kind.ACTION)).as("told again after a pause").isEqualTo(Verdict.DROPPED_TELL);
    }

    @Test
    void with_many_users_the_idle_ones_are_forgotten_by_one_sweep_a_second_not_one_per_update() {
        AtomicLong now = new AtomicLong();
        UserThrottle throttle = new UserThrottle(6, now::get);
        for (int u = 0; u <= 10_000; u++) throttle.check(100_000 + u, Kind.ACTION); // group A
        now.set(TimeUnit.MILLISECONDS.toNanos(59_500));
        for (int u = 0; u <= 10_000; u++) throttle.check(200_000 + u, Kind.ACTION); // group B; swept once, A not yet idle a minute
        assertThat(throttle.remembered()).isEqualTo(20_002);

        now.set(TimeUnit.MILLISECONDS.toNanos(60_200));
        assertThat(throttle.check(1, Kind.ACTION)).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.remembered()).as("A is idle a minute, but the last sweep was 0.7 s ago").isEqualTo(20_003);

        now.set(TimeUnit.MILLISECONDS.toNanos(60_600));
        assertThat(throttle.check(2, Kind.ACTION)).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.remembered()).as("a second later A is forgotten, B and the two newcomers stay").isEqualTo(10_003);
        for (int i = 0; i < 6; i++) throttle.check(100_000, Kind.ACTION);
        assertThat(throttle.check(100_000, Kind.ACTION)).as("a forgotten user starts with a full bucket").isEqualTo(Verdict.DROPPED_TELL);
    }

    @Test
    void support_messages_get_an_eighth_of_the_actions_and_at_least_three() {
        UserThrottle throttle = new UserThrottle(40, () -> 0);
        for (int i = 0; i < 5; i++) assertThat(throttle.check(1, Kind.SUPPORT_MESSAGE)).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.check(1, Kind.SUPPORT_MESSAGE)).isEqualTo(Verdict.DROPPED_TELL);

        UserThrottle slow = new UserThrottle(8, () -> 0);
        for (int i = 0; i < 3; i++) assertThat(slow.check(1, Kind.SUPPORT_MESSAGE)).isEqualTo(Verdict.ALLOWED);
        assertThat(slow.check(1, Kind.SUPPORT_MESSAGE)).isNotEqualTo(Verdict.ALLOWED);
    }

    @Test
    void presses_beyond_the_limit_are_answered_but_no_screen_runs_while_the_admin_is_never_throttled() {
        rig = BotRig.started(b -> b.userActionsPerMinute(5));
        rig.throttleNanos.set(0); // time stands still: no refill, whatever the machine's speed
        BotRig.TgUser ivan = rig.user(3101, "Ivan", "ru");
        Call menu = ivan.send("/start");
        for (int i = 0; i < 4; i++) ivan.pressData(menu.messageId(), "m");

        Call dropped = ivan.pressForAnswer(menu.messageId(), "m");
        assertThat(dropped.params().get("text")).contains("Слишком много нажатий");
        Call quiet = ivan.pressForAnswer(menu.messageId(), "m");
        assertThat(quiet.params()).doesNotContainKey("text");

        int mark = rig.api.mark();
        BotRig.TgUser admin = rig.user(BotRig.ADMIN, "Admin", "ru");
        for (int i = 0; i < 8; i++) admin.send("/start");
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).as("nothing for Ivan's dropped presses")
                .noneMatch(c -> c.chatId() == 3101 && c.isContent());
    }

    @Test
    void support_messages_beyond_the_limit_are_not_forwarded_and_the_writer_is_told_once() {
        rig = BotRig.started(b -> b.userActionsPerMinute(24)); // three support messages
        rig.throttleNanos.set(0);
        BotRig.TgUser ivan = rig.user(3102, "Ivan", "ru");
        for (int i = 0; i < 3; i++) {
            ivan.press(ivan.send("/start"), "s");
            int mark = rig.api.mark();
            ivan.send("Help " + i);
            rig.api.awaitContent(mark, BotRig.SUPPORT_CHAT);
        }
        ivan.press(ivan.send("/start"), "s");
        int mark = rig.api.mark();
        Call told = ivan.send("Help again");
        assertThat(told.text()).contains("быстрее, чем поддержка");
        ivan.send("/start"); // a marker: handled after the dropped message
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).noneMatch(c -> c.chatId() == BotRig.SUPPORT_CHAT);
    }
}
