package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
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

/** "My VPN doesn't work" on the key screen: one cause, one next step, each checked against the simulated panel. */
class KeyDoctorTest {
    private static final long GB = 1024L * 1024 * 1024;
    private BotRig rig;
    private BotRig.TgUser owner;
    private PanelClientId client;
    private Instant expiry;

    @BeforeEach
    void ownerWithAKeyOnThePanel() {
        rig = BotRig.started();
        owner = rig.user(2001, "Olga", "en");
        owner.send("/start");
        client = new PanelClientId(UUID.randomUUID(), "doctor-k1", "doctor1sub");
        expiry = BotRig.START.plus(Duration.ofDays(20));
        rig.keys.save(new VpnKey(new KeyId(1), new UserId(2001), new ServerId(1), client, expiry, KeyStatus.ACTIVE,
                new KeyLinks("https://sub.example/" + client.subId(), "vless://" + client.uuid() + "@x.example:443#1"), BotRig.START));
        Server server = rig.shop.servers.find(new ServerId(1)).orElseThrow();
        rig.panel.repairClient(server, new NewPanelClient(client, expiry, 2001, 0, 0));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Call diagnose() {
        Call key = owner.press(owner.press(owner.send("/start"), "k"), "ki:1");
        assertThat(key.buttons()).extracting(Button::callbackData).contains("ud:1");
        return owner.press(key, "ud:1");
    }

    private static boolean offers(Call screen, String data) {
        return screen.buttons().stream().anyMatch(b -> data.equals(b.callbackData()));
    }

    @Test
    void an_expired_key_is_told_to_extend() {
        rig.clock.set(expiry.plus(Duration.ofHours(1)));

        Call answer = diagnose();

        assertThat(answer.text()).contains("The key has expired");
        assertThat(offers(answer, "ke:1")).isTrue();
    }

    @Test
    void used_up_traffic_is_told_to_extend() {
        rig.usage.setQuota(client.email(), GB);
        rig.usage.setTraffic(client.email(), GB, 1, BotRig.START);

        Call answer = diagnose();

        assertThat(answer.text()).contains("traffic is used up");
        assertThat(offers(answer, "ke:1")).isTrue();
    }

    @Test
    void a_server_that_does_not_answer_is_server_down_with_support() {
        rig.panel.takeDown(new ServerId(1));

        Call answer = diagnose();

        assertThat(answer.text()).contains("server is not answering");
        assertThat(offers(answer, "us:1")).isTrue();
    }

    @Test
    void a_client_gone_from_the_panel_goes_to_support() {
        rig.panel.deleteByHand(new ServerId(1), client.email());

        assertThat(diagnose().text()).contains("The server does not know this key");
    }

    @Test
    void a_key_that_never_moved_a_byte_gets_the_connection_steps() {
        Call answer = diagnose();

        assertThat(answer.text()).contains("never connected yet");
        assertThat(offers(answer, "hk:1")).isTrue();
    }

    @Test
    void all_fine_opens_a_ticket_that_carries_the_diagnosis() {
        rig.usage.setTraffic(client.email(), 10, 20, BotRig.START.minus(Duration.ofMinutes(3)));
        Call answer = diagnose();
        assertThat(answer.text()).contains("The key looks fine");

        Call ask = owner.press(answer, "us:1");
        int mark = rig.api.mark();
        owner.send("Nothing opens in the browser");

        Call ticket = rig.api.awaitContent(mark, BotRig.SUPPORT_CHAT);
        // the support chat reads the operator's language (Russian here), whatever the user's
        assertThat(ticket.text()).contains("Проверка ключа #1: всё в порядке").contains("Nothing opens in the browser");
        assertThat(ask.text()).isNotBlank();
    }
}
