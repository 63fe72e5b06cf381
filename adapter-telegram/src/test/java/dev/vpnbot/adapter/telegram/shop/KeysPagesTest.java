package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** My keys, a page of 20 at a time: the latest expiry first, "more" for the next page, none after the last. */
class KeysPagesTest {
    private BotRig rig;
    private BotRig.TgUser owner;

    @BeforeEach
    void ownerWith25Keys() {
        rig = BotRig.started();
        owner = rig.user(2001, "Olga", "en");
        owner.send("/start");
        for (int i = 1; i <= 25; i++) {
            PanelClientId client = new PanelClientId(UUID.randomUUID(), "page-k" + i, "page" + i + "sub");
            // key i expires in i days: the list starts with key 25
            rig.keys.save(new VpnKey(new KeyId(i), new UserId(2001), new ServerId(1), client,
                    BotRig.START.plus(Duration.ofDays(i)), KeyStatus.ACTIVE,
                    new KeyLinks("https://sub.example/" + client.subId(), "vless://" + client.uuid() + "@x.example:443#" + i),
                    BotRig.START));
        }
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private static List<String> keyButtons(Call screen) {
        return screen.buttons().stream().map(Button::callbackData).filter(d -> d != null && d.startsWith("ki:")).toList();
    }

    @Test
    void the_first_page_shows_20_keys_latest_expiry_first_and_a_more_button_that_shows_the_rest() {
        Call menu = owner.send("/start");
        Call first = owner.press(menu, "k");

        assertThat(keyButtons(first)).hasSize(20).startsWith("ki:25", "ki:24").endsWith("ki:6");
        assertThat(first.text()).contains("1. ").contains("20. ").doesNotContain("21. ");
        Call second = owner.press(first, "kp:1");

        assertThat(keyButtons(second)).containsExactly("ki:5", "ki:4", "ki:3", "ki:2", "ki:1");
        assertThat(second.text()).contains("21. ").contains("25. ");
        assertThat(second.buttons()).extracting(Button::callbackData).noneMatch(d -> d != null && d.startsWith("kp:"));
    }

    @Test
    void a_page_past_the_end_shows_the_first_page_again() {
        Call menu = owner.send("/start");
        Call screen = owner.pressData(menu.messageId(), "kp:9");

        assertThat(keyButtons(screen)).hasSize(20).startsWith("ki:25");
    }
}
