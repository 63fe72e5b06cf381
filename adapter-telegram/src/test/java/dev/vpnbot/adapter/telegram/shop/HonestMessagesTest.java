package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages promise only what happens: a renewal extends the key; one-tap import only where it exists. */
class HonestMessagesTest {
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private VpnKey boughtKey(BotRig.TgUser user) {
        Call summary = user.press(user.press(user.press(user.send("/start"), "b"), "bt:1"), "bs:1:1");
        user.press(summary, "op:");
        rig.deliverDueKeys();
        return rig.keys.ofOwner(new UserId(user.id)).get(0);
    }

    @Test
    void a_paid_renewal_says_the_key_is_being_extended_not_that_a_new_key_is_coming() {
        rig = BotRig.started(b -> b.paymentTestMode(true));
        BotRig.TgUser anna = rig.user(4101, "Anna", "en");
        VpnKey key = boughtKey(anna);

        Call renewal = anna.press(anna.press(anna.send("/keys"), "ki:" + key.id()), "ke:" + key.id());
        Call summary = anna.press(renewal, "et:" + key.id() + ":1");
        assertThat(summary.text()).contains("extended by itself").doesNotContain("key arrives");

        Call paid = anna.press(summary, "op:");
        assertThat(paid.text()).contains("being extended").doesNotContain("being prepared");
        rig.deliverDueKeys();
        Call again = anna.press(summary, "oc:");
        assertThat(again.text()).contains("your key is extended");

        BotRig.TgUser ivan = rig.user(4102, "Ivan", "ru");
        VpnKey his = boughtKey(ivan);
        Call ruSummary = ivan.press(ivan.press(ivan.press(ivan.send("/keys"), "ki:" + his.id()), "ke:" + his.id()), "et:" + his.id() + ":1");
        assertThat(ivan.press(ruSummary, "op:").text()).contains("Продлеваем ваш ключ").doesNotContain("Готовим ключ");
    }

    @Test
    void one_tap_import_is_promised_only_with_a_public_url_otherwise_the_hint_explains_link_or_qr() {
        rig = BotRig.started(b -> b.publicUrl(null));
        BotRig.TgUser anna = rig.user(4103, "Anna", "en");
        Call android = anna.press(anna.press(anna.send("/start"), "h"), "hp:android");
        assertThat(android.text()).doesNotContainIgnoringCase("one tap").contains("Show key").contains("QR code");
        assertThat(android.buttons()).noneMatch(b -> b.text().startsWith("➕"));
        rig.close();

        rig = BotRig.started();
        BotRig.TgUser ivan = rig.user(4104, "Ivan", "en");
        Call withPublicUrl = ivan.press(ivan.press(ivan.send("/start"), "h"), "hp:android");
        assertThat(withPublicUrl.text()).contains("in one tap");
    }
}
