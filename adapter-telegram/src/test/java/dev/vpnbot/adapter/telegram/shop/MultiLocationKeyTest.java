package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key of an "all locations" tariff: "key ready", the key card and My keys name every location and lead with the subscription link. */
class MultiLocationKeyTest {
    private BotRig rig;
    private BotRig.TgUser ivan;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        rig.shop.serverGroups.setTariffGroup(new TariffId(1), ServerGroupId.ALL);
        ivan = rig.user(1001, "Ivan", "en");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private VpnKey buy() {
        Call summary = ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"); // no server to pick: the key goes on all of them
        assertThat(summary.text()).contains("New key on every server of: all locations");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));
        return rig.keys.ofOwner(new UserId(1001)).get(0);
    }

    /** Everything the bot sent the buyer after {@code mark}, as one text. */
    private String sentSince(int mark) {
        return rig.api.calls().stream().filter(c -> c.seq() > mark && c.chatId() == 1001 && c.isContent())
                .map(Call::text).collect(Collectors.joining("\n"));
    }

    @Test
    void key_ready_names_every_location_leads_with_the_subscription_link_and_lists_each_locations_vless_link() {
        int mark = rig.api.mark();
        VpnKey key = buy();

        String ready = sentSince(mark);
        String url = BotRig.PUBLIC_URL + "/sub/" + rig.shop.subscriptionTokens.tokenOf(key.id()).orElseThrow().value();
        assertThat(ready).contains("Frankfurt, 🇳🇱 Amsterdam").contains(url).contains("vless:// keys per location");
        assertThat(ready.indexOf(url)).isLessThan(ready.indexOf("vless://"));
        List<String> links = rig.shop.placements.of(key.id()).stream().map(p -> p.links().vlessUrl()).toList();
        assertThat(links).hasSize(2);
        links.forEach(link -> assertThat(ready).contains(link.replace("&", "&amp;")));
    }

    @Test
    void my_keys_and_the_key_screen_name_every_location() {
        VpnKey key = buy();
        Call keys = ivan.press(ivan.send("/start"), "k");
        assertThat(keys.text()).contains("Frankfurt, 🇳🇱 Amsterdam");
        Call screen = ivan.press(keys, "ki:" + key.id().value());
        assertThat(screen.text()).contains("Frankfurt, 🇳🇱 Amsterdam");
    }
}
