package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operator safety from the admin panel: ban/unban (keys off and on at the panel), maintenance (sales paused, renewals go on). */
class BanAndMaintenanceTest {
    private static final long IVAN = 5001;
    private BotRig rig;
    private BotRig.TgUser olga;
    private BotRig.TgUser ivan;
    private VpnKey key;

    @BeforeEach
    void open() {
        rig = BotRig.started(b -> b.paymentTestMode(true));
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
        ivan = rig.user(IVAN, "Ivan", "en");
        ivan.press(ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1"), "op:");
        rig.deliverDueKeys();
        key = rig.keys.ofOwner(new UserId(IVAN)).get(0);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private boolean enabledOnPanel() {
        return rig.panel.client(key.serverId(), key.client().email()).orElseThrow().enabled();
    }

    @Test
    void a_banned_user_gets_only_a_short_notice_and_their_keys_are_off_on_the_panel_until_unbanned() {
        Call menuBefore = ivan.send("/start");
        Call dossier = olga.send("/user " + IVAN);
        Call confirm = olga.press(dossier, "aub:" + IVAN);
        assertThat(confirm.text()).contains("Ban <b>Ivan</b>?").contains("(1 key)");
        assertThat(enabledOnPanel()).as("nothing happens before the confirmation").isTrue();

        Call banned = olga.press(confirm, "auc:" + IVAN);

        assertThat(banned.text()).contains("The user is banned. Keys switched off on the panels: #" + key.id()).contains("Banned by an admin");
        assertThat(banned.buttons()).anyMatch(b -> ("auu:" + IVAN).equals(b.callbackData()));
        assertThat(enabledOnPanel()).isFalse();
        assertThat(rig.keys.find(key.id()).orElseThrow().status()).isEqualTo(KeyStatus.DISABLED);

        Call notice = ivan.send("/start");
        assertThat(notice.text()).isEqualTo("Your access to this bot was closed by an admin.");
        assertThat(notice.buttons()).isEmpty();
        Call popup = ivan.pressForAnswer(menuBefore.messageId(), "k");
        assertThat(popup.params().get("text")).isEqualTo("Your access to this bot was closed by an admin.");

        int mark = rig.api.mark();
        rig.api.userSends(IVAN, "Ivan", "en", "/keys");
        olga.send("/start"); // a marker: handled after Ivan's message, which gets nothing back
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).noneMatch(c -> c.chatId() == IVAN && c.isContent());

        Call unbanned = olga.press(olga.send("/user " + IVAN), "auu:" + IVAN);
        assertThat(unbanned.text()).contains("The ban is lifted. Keys switched back on: #" + key.id());
        assertThat(enabledOnPanel()).isTrue();
        assertThat(ivan.send("/start").text()).contains("Hi");
    }

    @Test
    void an_admin_is_never_banned_and_a_panel_that_cannot_be_reached_is_named_for_a_retry() {
        Call self = olga.pressData(olga.send("/user " + BotRig.ADMIN).messageId(), "auc:" + BotRig.ADMIN);
        assertThat(self.text()).contains("an admin cannot be banned");

        rig.panel.takeDown(key.serverId());
        Call banned = olga.press(olga.press(olga.send("/user " + IVAN), "aub:" + IVAN), "auc:" + IVAN);
        assertThat(banned.text()).contains("The panel did not answer for keys #" + key.id());
        assertThat(banned.button("Retry on the panel").callbackData()).isEqualTo("auc:" + IVAN);
        rig.panel.bringUp(key.serverId());
        olga.press(banned, "auc:" + IVAN);
        assertThat(enabledOnPanel()).isFalse();
    }

    @Test
    void maintenance_pauses_sales_with_the_admins_message_while_renewals_and_my_keys_still_work() {
        Call tariffs = olga.send("/tariffs");
        Call ask = olga.press(tariffs, "afm");
        assertThat(ask.text()).contains("Send the message buyers will see");
        Call paused = olga.send("Moving to new servers, back by 18:00 <soon>");
        assertThat(paused.text()).contains("Sales are paused").contains("Sales paused</b> since")
                .contains("Moving to new servers, back by 18:00 &lt;soon&gt;");
        assertThat(paused.buttons()).anyMatch(b -> "afr".equals(b.callbackData()));

        Call buy = ivan.press(ivan.send("/start"), "b");
        assertThat(buy.text()).contains("New keys are not sold right now").contains("back by 18:00 &lt;soon&gt;")
                .contains("Renewing your keys");
        assertThat(buy.buttons()).noneMatch(b -> b.callbackData() != null && b.callbackData().startsWith("bt:"));
        Call myKeys = ivan.send("/keys");
        assertThat(myKeys.text()).contains("Frankfurt");
        Call renewal = ivan.press(ivan.press(ivan.press(myKeys, "ki:" + key.id()), "ke:" + key.id()), "et:" + key.id() + ":1");
        assertThat(renewal.text()).contains("Order").contains("extended by itself");

        Call resumed = olga.press(olga.send("/tariffs"), "afr");
        assertThat(resumed.text()).contains("Sales are running again").doesNotContain("Sales paused</b>");
        assertThat(ivan.press(ivan.send("/start"), "b").buttons()).anyMatch(b -> "bt:1".equals(b.callbackData()));
    }

    @Test
    void maintenance_without_a_message_says_only_that_sales_are_paused() {
        olga.press(olga.press(olga.send("/tariffs"), "afm"), "afq");
        Call buy = ivan.press(ivan.send("/start"), "b");
        assertThat(buy.text()).contains("New keys are not sold right now.</b>\n\nRenewing");
    }
}
