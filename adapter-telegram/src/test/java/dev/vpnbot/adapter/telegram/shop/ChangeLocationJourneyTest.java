package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Change location" through the real adapter against the fake Bot API (docs/MOVES.md): the key
 * screen's button, the locations with room, the confirmation, the new card with its raw link and QR
 * code; a crafted button for somebody else's key; the daily limit's message; in English and Russian.
 */
class ChangeLocationJourneyTest {
    private static final ServerId FRANKFURT = new ServerId(1);
    private static final ServerId AMSTERDAM = new ServerId(2);

    private BotRig rig;

    @BeforeEach
    void open() {
        rig = BotRig.started();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private VpnKey buyOnFrankfurt(BotRig.TgUser user, long id) {
        Call summary = user.press(user.press(user.press(user.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));
        return rig.keys.ofOwner(new UserId(id)).get(0);
    }

    @Test
    void a_buyer_moves_a_key_and_gets_the_new_raw_link_and_qr_code() throws Exception {
        BotRig.TgUser anna = rig.user(1004, "Anna", "en");
        VpnKey key = buyOnFrankfurt(anna, 1004);

        Call keyScreen = anna.press(anna.send("/keys"), "ki:");
        Call choose = anna.press(keyScreen, "mv:");
        assertThat(choose.text()).contains("Change location").contains("Frankfurt");
        assertThat(choose.buttons()).extracting(b -> b.callbackData())
                .contains("mvc:" + key.id() + ":" + AMSTERDAM.value()).doesNotContain("mvc:" + key.id() + ":" + FRANKFURT.value());
        Call confirm = anna.press(choose, "mvc:");
        assertThat(confirm.text()).contains("Frankfurt").contains("Amsterdam").contains("vless://");
        Call card = anna.press(confirm, "mvt:");

        VpnKey moved = rig.keys.find(key.id()).orElseThrow();
        assertThat(moved.serverId()).isEqualTo(AMSTERDAM);
        assertThat(moved.client()).isEqualTo(key.client());
        assertThat(moved.expiresAt()).isEqualTo(key.expiresAt());
        assertThat(card.method()).isEqualTo("sendphoto");
        assertThat(card.text()).contains("Key moved").contains("Amsterdam").contains(Html.escape(moved.links().vlessUrl()))
                .doesNotContain(Html.escape(key.links().vlessUrl()));
        String ownLink = BotRig.PUBLIC_URL + "/sub/" + rig.shop.subscriptionTokens.tokenOf(key.id()).orElseThrow().value();
        assertThat(BuyAndExtendJourneyTest.decodeQr(card.file())).isEqualTo(ownLink);
        assertThat(rig.panel.client(AMSTERDAM, key.client().email()).orElseThrow().enabled()).isTrue();
        assertThat(rig.panel.client(FRANKFURT, key.client().email()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void a_crafted_button_for_somebody_elses_key_is_refused_and_changes_nothing() {
        BotRig.TgUser anna = rig.user(1004, "Anna", "en");
        VpnKey annas = buyOnFrankfurt(anna, 1004);
        BotRig.TgUser bob = rig.user(1005, "Bob", "ru");
        Call menu = bob.send("/start");

        Call refused = bob.pressData(menu.messageId(), "mvt:" + annas.id() + ":" + AMSTERDAM.value());
        Call refusedList = bob.pressData(menu.messageId(), "mv:" + annas.id());

        assertThat(refused.text()).contains("Ключ не найден");
        assertThat(refusedList.text()).contains("Ключ не найден");
        assertThat(rig.keys.find(annas.id()).orElseThrow().serverId()).isEqualTo(FRANKFURT);
        assertThat(rig.panel.client(AMSTERDAM, annas.client().email())).isEmpty();
        assertThat(rig.keyMoves.perDay(BotRig.START.minus(Duration.ofDays(1)), BotRig.START.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void the_fourth_move_in_a_day_is_refused_with_the_time_of_the_next() {
        BotRig.TgUser anna = rig.user(1004, "Anna", "ru");
        VpnKey key = buyOnFrankfurt(anna, 1004);
        Call menu = anna.send("/start");
        for (ServerId to : new ServerId[] {AMSTERDAM, FRANKFURT, AMSTERDAM}) {
            anna.pressData(menu.messageId(), "mvt:" + key.id() + ":" + to.value());
            rig.clock.advance(Duration.ofMinutes(10));
        }
        assertThat(rig.keys.find(key.id()).orElseThrow().serverId()).isEqualTo(AMSTERDAM);

        Call refused = anna.pressData(menu.messageId(), "mv:" + key.id());

        // the first move was at 13:00 Moscow time: the next is possible a day later
        assertThat(refused.text()).contains("Следующий переезд будет возможен").contains("2 марта 2026, 13:00");
        assertThat(rig.keyMoves.perDay(BotRig.START.minus(Duration.ofDays(1)), BotRig.START.plus(Duration.ofDays(1))))
                .containsValue(Map.of("BUYER", 3));
    }

}
