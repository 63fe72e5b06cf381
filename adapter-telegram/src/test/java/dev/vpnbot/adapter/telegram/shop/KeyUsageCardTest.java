package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key screen shows what the panel counts: traffic (of the quota), the switch, the last time online. */
class KeyUsageCardTest {
    private static final long GB = 1024L * 1024 * 1024;
    private BotRig rig;
    private PanelClientId client;

    @BeforeEach
    void ownerWithAKeyOnThePanel() {
        rig = BotRig.started();
        client = new PanelClientId(UUID.randomUUID(), "usage-k1", "usage1sub");
        Instant expiry = BotRig.START.plus(Duration.ofDays(20));
        rig.keys.save(new VpnKey(new KeyId(1), new UserId(2001), new ServerId(1), client, expiry, KeyStatus.ACTIVE,
                new KeyLinks("https://sub.example/" + client.subId(), "vless://" + client.uuid() + "@x.example:443#1"), BotRig.START));
        Server server = rig.shop.servers.find(new ServerId(1)).orElseThrow();
        rig.panel.repairClient(server, new NewPanelClient(client, expiry, 2001, 0, 0));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Call keyScreen(String language) {
        BotRig.TgUser owner = rig.user(2001, "Olga", language);
        Call menu = owner.send("/start");
        return owner.press(owner.press(menu, "k"), "ki:1");
    }

    @Test
    void traffic_of_the_quota_and_the_last_time_online_in_the_users_zone() {
        rig.usage.setQuota(client.email(), 10 * GB);
        rig.usage.setTraffic(client.email(), GB, GB / 2, Instant.parse("2026-03-01T08:30:00Z"));

        Call screen = keyScreen("en");

        assertThat(screen.text()).contains("Traffic: 1.5 GB of 10 GB").contains("Last online: ").contains("11:30");
    }

    @Test
    void a_used_up_quota_says_so_in_russian_and_the_extend_button_stays() {
        rig.usage.setQuota(client.email(), 10 * GB);
        rig.usage.setTraffic(client.email(), 6 * GB, 4 * GB, Instant.parse("2026-03-01T08:30:00Z"));

        Call screen = keyScreen("ru");

        assertThat(screen.text()).contains("Трафик: 10 ГБ из 10 ГБ").contains("Трафик закончился");
        assertThat(screen.buttons()).anyMatch(b -> ("ke:1").equals(b.callbackData()));
    }

    @Test
    void a_key_never_used_says_not_connected_yet_without_a_limit() {
        Call screen = keyScreen("en");

        assertThat(screen.text()).contains("Traffic: 0 MB (no limit)").contains("Not connected yet.");
    }

    @Test
    void a_panel_that_does_not_answer_makes_the_screen_say_usage_unavailable() {
        rig.panel.takeDown(new ServerId(1));

        Call screen = keyScreen("en");

        assertThat(screen.text()).contains("Valid until").contains("Traffic usage is not available right now.");
    }
}
