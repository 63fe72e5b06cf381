package dev.vpnbot.adapter.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Arg;
import dev.vpnbot.domain.user.Language;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackDataTest {

    /** The longest value each kind of argument can take. */
    private static Object longest(Arg arg) {
        return switch (arg) {
            case ID, ID_OR_ZERO -> 999_999_999_999_999_999L;
            case PLATFORM -> Platform.WINDOWS;
            case LANGUAGE -> Language.EN;
            case FLAG -> true;
            case GIFT -> "abcdefghijklmnopqrst";
            case AUDIENCE -> dev.vpnbot.domain.broadcast.Audience.EXPIRING_SOON;
            case ZONE -> java.time.ZoneId.getAvailableZoneIds().stream().max(java.util.Comparator.comparingInt(String::length))
                    .map(java.time.ZoneId::of).orElseThrow();
            case APP -> "a".repeat(32);
        };
    }

    @Test
    void every_action_with_the_largest_ids_fits_in_64_bytes_and_reads_back() {
        for (Action action : Action.values()) {
            List<Object> args = new ArrayList<>();
            for (Arg arg : action.args) args.add(longest(arg));
            String data = CallbackData.of(action, args.toArray());

            assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
            CallbackData parsed = CallbackData.parse(data).orElseThrow();
            assertThat(parsed.action()).isEqualTo(action);
            assertThat(parsed.encode()).isEqualTo(data);
        }
    }

    @Test
    void action_codes_are_unique() {
        assertThat(List.of(Action.values())).extracting(a -> a.code).doesNotHaveDuplicates();
    }

    @Test
    void admin_buttons_and_only_they_have_codes_starting_with_a() {
        for (Action action : Action.values()) {
            assertThat(action.adminOnly()).as(action.name()).isEqualTo(action.code.startsWith("a"));
        }
    }

    @Test
    void flags_and_audiences_read_back() {
        assertThat(CallbackData.parse("asa:3:1")).map(d -> d.flag(1)).contains(true);
        assertThat(CallbackData.parse("asa:3:0")).map(d -> d.flag(1)).contains(false);
        assertThat(CallbackData.parse("aba:active")).map(d -> d.audience(0)).contains(dev.vpnbot.domain.broadcast.Audience.WITH_ACTIVE_KEY);
        for (String data : new String[] {"asa:3:2", "asa:3:true", "aba:everyone", "aba:ALL", "aus:1:2", "op:0"}) {
            assertThat(CallbackData.parse(data)).as("'" + data + "'").isEmpty();
        }
    }

    @Test
    void malformed_data_reads_as_nothing() {
        for (String data : new String[] {null, "", "x", "ki", "ki:", "ki:1:2", "ki:01", "ki:+1", "ki:1e3", "ki: 1",
                "bs:1:-1", "hp:ANDROID", "hp:android:1", "ls:", "m:1", "ki:9999999999999999999", "k".repeat(65)}) {
            assertThat(CallbackData.parse(data)).as("'" + data + "'").isEmpty();
        }
        assertThat(CallbackData.parse("bs:3:0")).map(d -> d.id(1)).contains(0L);
        assertThat(CallbackData.parse("hq:ios:7")).map(d -> d.platform(0)).contains(Platform.IOS);
    }

    @Test
    void building_bad_data_is_a_programming_error() {
        assertThatThrownBy(() -> CallbackData.of(Action.KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackData.of(Action.KEY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
