package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time zone: offered by language, searchable by city or offset, used for every date; admins read their own zone. */
class TimeZonePickerTest {
    private BotRig rig;

    @BeforeEach
    void open() {
        rig = BotRig.started(b -> b.paymentTestMode(true));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private ZoneId zoneOf(long user) {
        return rig.users.find(new UserId(user)).orElseThrow().timeZone();
    }

    @Test
    void the_zones_offered_follow_the_users_language() {
        BotRig.TgUser ivan = rig.user(4201, "Иван", "ru");
        Call ru = ivan.press(ivan.send("/start"), "z");
        assertThat(ru.text()).contains("Часовой пояс").contains("Москва (UTC+3)");
        assertThat(ru.buttons()).extracting(Button::text).contains("Москва (UTC+3)", "Новосибирск (UTC+7)", "Владивосток (UTC+10)");
        assertThat(ru.data("zs:Asia/Novosibirsk")).isEqualTo("zs:Asia/Novosibirsk");

        BotRig.TgUser anna = rig.user(4202, "Anna", "en");
        Call en = anna.press(anna.send("/start"), "z");
        assertThat(en.buttons()).extracting(Button::text).contains("UTC").anyMatch(t -> t.startsWith("New York (UTC-"))
                .anyMatch(t -> t.startsWith("London (UTC"));
    }

    @Test
    void a_city_in_russian_or_english_with_one_match_is_taken_at_once() {
        BotRig.TgUser ivan = rig.user(4203, "Иван", "ru");
        ivan.press(ivan.send("/start"), "z");
        Call chosen = ivan.send("новосиб");
        assertThat(chosen.text()).contains("Часовой пояс: <b>Новосибирск (UTC+7)</b>");
        assertThat(zoneOf(4203)).isEqualTo(ZoneId.of("Asia/Novosibirsk"));
        assertThat(rig.states.find(4203)).as("the search ends with the choice").isEmpty();

        ivan.send("/timezone");
        ivan.send("Berlin");
        assertThat(zoneOf(4203)).isEqualTo(ZoneId.of("Europe/Berlin"));
        ivan.send("/timezone");
        ivan.send("Санкт-Петербург");
        assertThat(zoneOf(4203)).as("a city without a zone of its own").isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void an_offset_offers_the_zones_with_it_and_the_plain_offset() {
        BotRig.TgUser anna = rig.user(4204, "Anna", "en");
        anna.press(anna.send("/start"), "z");
        Call found = anna.send("UTC+5:30");
        assertThat(found.text()).contains("Matches for «UTC+5:30»");
        assertThat(found.buttons()).extracting(Button::text).contains("Kolkata (UTC+5:30)", "UTC+5:30");

        Call chosen = anna.press(found, "zs:UTC+0530");
        assertThat(chosen.text()).contains("Time zone: <b>UTC+5:30</b>");
        assertThat(zoneOf(4204).getId()).isEqualTo("UTC+05:30");
    }

    @Test
    void a_zone_that_does_not_exist_gets_a_clear_message_and_nothing_is_saved() {
        BotRig.TgUser anna = rig.user(4205, "Anna", "en");
        anna.press(anna.send("/start"), "z");

        Call none = anna.send("Atlantis/Poseidonia");
        assertThat(none.text()).contains("No time zone «Atlantis/Poseidonia» found").contains("UTC+5:30");
        assertThat(zoneOf(4205)).isNull();
        assertThat(rig.states.find(4205)).as("the user may try again").hasValueSatisfying(s -> assertThat(s).startsWith("time_zone"));

        Call forged = anna.pressForAnswer(none.messageId(), "zs:Mars/Olympus_Mons");
        assertThat(forged.params().get("text")).contains("no longer works");
        assertThat(zoneOf(4205)).isNull();
    }

    @Test
    void every_date_the_user_sees_is_in_their_zone_and_admins_read_theirs() {
        BotRig.TgUser anna = rig.user(4206, "Anna", "en");
        anna.press(anna.send("/start"), "z");
        anna.send("Kolkata");
        Call summary = anna.press(anna.press(anna.press(anna.send("/start"), "b"), "bt:1"), "bs:1:1");
        assertThat(summary.text()).as("the order's deadline").contains("(IST)");
        anna.press(summary, "op:");
        rig.deliverDueKeys();
        VpnKey key = rig.keys.ofOwner(new UserId(4206)).get(0);
        assertThat(anna.send("/keys").text()).contains("31 Mar 2026, 15:30 (IST)");
        assertThat(anna.press(anna.send("/keys"), "ki:" + key.id()).text()).contains("(IST)");

        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Olga", "en");
        olga.press(olga.send("/start"), "z");
        olga.send("Tokyo");
        assertThat(olga.send("/user 4206").text()).contains("31 Mar 2026, 19:00 (JST)").doesNotContain("IST").doesNotContain("MSK");
    }
}
