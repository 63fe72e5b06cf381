package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /admin → server → "Evacuate" (docs/MOVES.md) through the real adapter against the fake Bot API:
 * confirmation, progress, the report once the moves landed, the statistics' lines; a non-admin's
 * crafted button changes nothing.
 */
class AdminEvacuationTest {
    private static final ServerId FRANKFURT = new ServerId(1);
    private static final ServerId AMSTERDAM = new ServerId(2);

    private BotRig rig;
    private BotRig.TgUser olga;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private VpnKey buyOnFrankfurt(long id) {
        BotRig.TgUser buyer = rig.user(id, "Anna", "ru");
        Call summary = buyer.press(buyer.press(buyer.press(buyer.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));
        return rig.keys.ofOwner(new UserId(id)).get(0);
    }

    @Test
    void an_admin_evacuates_a_server_and_follows_its_progress_to_the_report() {
        VpnKey key = buyOnFrankfurt(1004);

        Call card = olga.press(olga.send("/servers"), "asv:1");
        Call ask = olga.press(card, "axe:1");
        assertThat(ask.text()).contains("Evacuate the server").contains("least loaded");
        Call progress = olga.press(ask, "axc:1");

        assertThat(progress.text()).contains("Evacuation #1").contains("Frankfurt").contains("planning");
        assertThat(rig.shop.servers.find(FRANKFURT).orElseThrow().active()).isFalse();
        rig.evacuations.runDue();
        rig.moves.worker().runDueMoves();
        int mark = rig.api.mark();
        rig.evacuations.runDue();
        // the report reaches the admins by itself, once
        Call report = rig.api.awaitAfter(mark, java.time.Duration.ofSeconds(30), c -> c.text() != null && c.text().contains("EVACUATION_FINISHED"));
        assertThat(report.text()).contains("moved 1, failed 0, skipped 0");

        Call done = olga.press(progress, "axp:1");
        assertThat(done.text()).contains("finished").contains("moved: 1").contains("waiting: 0").contains("skipped: 0");
        assertThat(rig.keys.find(key.id()).orElseThrow().serverId()).isEqualTo(AMSTERDAM);
        assertThat(rig.panel.client(FRANKFURT, key.client().email()).orElseThrow().enabled()).isFalse();
        assertThat(rig.panel.client(AMSTERDAM, key.client().email()).orElseThrow().enabled()).isTrue();

        Call stats = olga.send("/stats");
        assertThat(stats.text()).contains("Location changes").contains("0 / 1").contains("evacuation #1").contains("moved 1");
    }

    @Test
    void a_crafted_evacuation_button_from_a_buyer_changes_nothing() {
        buyOnFrankfurt(1004);
        BotRig.TgUser bob = rig.user(1005, "Bob", "en");
        Call menu = bob.send("/start");

        Call refused = bob.pressForAnswer(menu.messageId(), "axc:1");

        assertThat(refused.params().get("text")).asString().contains("admin");
        assertThat(rig.shop.servers.find(FRANKFURT).orElseThrow().active()).isTrue();
        assertThat(rig.evacuations.runDue()).isZero();
    }
}
