package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.service.growth.GrowthSettings;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.trial.TrialPolicy;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The free trial and "Invite friends" through the fake Bot API, buyer and admin (docs/GROWTH.md). */
class GrowthScreensTest {
    private static final TrialPolicy TRIAL = new TrialPolicy(true, false, Duration.ZERO, null, 3, 2, 0);
    private static final GrowthSettings GROWTH = new GrowthSettings(TRIAL, new ReferralReward.ExtraDays(7), "vpn_test_bot");
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private BotRig started(GrowthSettings growth) {
        rig = BotRig.startedWithGrowth(growth);
        rig.shop.growthAdmin.markTrialServer(new UserId(BotRig.ADMIN), new ServerId(2), true);
        return rig;
    }

    @Test
    void free_trial_button_is_in_the_menu_until_the_trial_is_taken_and_the_key_arrives_like_a_bought_one() {
        started(GROWTH);
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call menu = ivan.send("/start");
        assertThat(menu.buttons().get(0).callbackData()).isEqualTo("t");
        assertThat(menu.button("Free trial")).isNotNull();

        Call offer = ivan.press(menu, "t");
        assertThat(offer.text()).contains("once per Telegram account");
        Call started = ivan.press(offer, "tg");
        assertThat(started.text()).contains("trial key is being prepared");
        rig.deliverDueKeys();

        assertThat(rig.keys.ofOwner(new UserId(1001))).singleElement().satisfies(k -> {
            assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE);
            assertThat(k.serverId()).isEqualTo(new ServerId(2));
        });
        Call after = ivan.send("/start");
        assertThat(after.buttons()).extracting(Button::callbackData).doesNotContain("t");
        Call again = ivan.press(offer, "tg");
        assertThat(again.text()).contains("used your free trial already");
    }

    @Test
    void free_trial_switched_off_shows_no_button_and_its_data_says_so() {
        started(new GrowthSettings(TrialPolicy.off(), null, null));
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call menu = ivan.send("/start");

        assertThat(menu.buttons()).extracting(Button::callbackData).doesNotContain("t", "ti");
        Call pressed = ivan.pressData(menu.messageId(), "tg");
        assertThat(pressed.text()).contains("not available");
        assertThat(rig.keys.ofOwner(new UserId(1001))).isEmpty();
    }

    @Test
    void free_trial_channel_gate_shows_the_channel_and_lets_a_new_member_try_again() {
        started(new GrowthSettings(new TrialPolicy(true, false, Duration.ZERO, "@vpn_news", 3, 2, 0), null, null));
        rig.api.channel("@vpn_news");
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");

        Call refused = ivan.press(ivan.press(ivan.send("/start"), "t"), "tg");
        assertThat(refused.text()).contains("members of our channel");
        assertThat(refused.button("Open the channel").url()).isEqualTo("https://t.me/vpn_news");

        rig.api.channel("@vpn_news", 1001L);
        Call started = ivan.press(refused, "tg");
        assertThat(started.text()).contains("trial key is being prepared");
    }

    @Test
    void invite_friends_shows_the_link_and_counts_a_newcomer_who_follows_it() {
        started(GROWTH);
        BotRig.TgUser anna = rig.user(1001, "Anna", "en");
        Call invite = anna.press(anna.send("/start"), "ti");
        String link = invite.button("Copy the link").copyText();
        assertThat(link).matches("https://t\\.me/vpn_test_bot\\?start=ref_[A-Za-z0-9]{8}");
        assertThat(invite.text()).contains(link).contains("Invited: <b>0</b>");

        rig.clock.advance(Duration.ofMinutes(1)); // the referrer registered before the invited user
        BotRig.TgUser boris = rig.user(1002, "Boris", "en");
        Call borisMenu = boris.send("/start " + link.substring(link.indexOf("start=") + 6));
        assertThat(borisMenu.text()).contains("Boris");

        assertThat(anna.press(anna.send("/start"), "ti").text()).contains("Invited: <b>1</b>");
    }

    @Test
    void invite_friends_lets_the_referrer_choose_the_key_that_gets_the_days() {
        started(GROWTH);
        BotRig.TgUser anna = rig.user(1001, "Anna", "en");
        assertThat(anna.press(anna.send("/start"), "ti").buttons()).extracting(Button::callbackData).doesNotContain("rk"); // no key yet
        for (int i = 0; i < 2; i++) {
            var order = rig.shop.placement.placeNewKey(new dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand(
                    new UserId(1001), new dev.vpnbot.domain.tariff.TariffId(1), new ServerId(1)));
            rig.payAndDeliver(order.id().value());
        }
        long older = rig.keys.ofOwner(new UserId(1001)).stream().mapToLong(k -> k.id().value()).min().orElseThrow();

        Call choice = anna.press(anna.press(anna.send("/start"), "ti"), "rk");
        assertThat(choice.text()).contains("Which key gets the days?");
        assertThat(choice.buttons()).filteredOn(b -> b.text().startsWith("✅")).singleElement()
                .satisfies(b -> assertThat(b.callbackData()).isNotEqualTo("rs:" + older)); // the most recent by default
        Call back = anna.press(choice, "rs:" + older);
        assertThat(back.text()).contains("Invite friends");

        Call again = anna.press(back, "rk");
        assertThat(again.buttons()).filteredOn(b -> b.text().startsWith("✅")).singleElement()
                .satisfies(b -> assertThat(b.callbackData()).isEqualTo("rs:" + older));
    }

    @Test
    void start_payload_that_is_garbage_or_too_long_gives_the_normal_menu_and_records_nothing() {
        started(GROWTH);
        BotRig.TgUser anna = rig.user(1001, "Anna", "en");
        anna.send("/start");
        rig.clock.advance(Duration.ofMinutes(1)); // so that only the payload can be what records nothing

        for (String payload : new String[] {"ref_" + "a".repeat(300), "ref_!!!", "<b>x</b>", "ref_nosuchcode1"}) {
            BotRig.TgUser someone = rig.user(2000 + payload.length(), "New", "en");
            Call menu = someone.send("/start " + payload);
            assertThat(menu.text()).contains("Hi, <b>New</b>");
            assertThat(menu.buttons()).extracting(Button::callbackData).contains("b", "k");
        }
        assertThat(rig.shop.referralLinks.invitations(new UserId(1001)).invited()).isZero();
    }

    @Test
    void trial_reminder_offers_the_tariffs_instead_of_an_extension() {
        started(GROWTH);
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        ivan.press(ivan.press(ivan.send("/start"), "t"), "tg");
        rig.deliverDueKeys();
        rig.clock.advance(Duration.ofDays(2).plusHours(1));
        int mark = rig.api.mark();

        rig.shop.reminders.sendDueReminders();

        Call reminder = rig.api.awaitContent(mark, 1001);
        assertThat(reminder.text()).contains("free trial").contains("Choose a tariff");
        assertThat(reminder.buttons()).extracting(Button::callbackData).contains("b").doesNotContain("ke:");
    }

    @Test
    void admin_marks_a_server_for_trials_and_a_tariff_once_per_user_and_sees_the_growth_figures() {
        started(GROWTH);
        BotRig.TgUser admin = rig.user(BotRig.ADMIN, "Olga", "en");
        Call server = admin.pressData(admin.send("/start").messageId(), "asv:1");
        assertThat(server.button("Trial keys: no").callbackData()).isEqualTo("atv:1:1");
        Call marked = admin.press(server, "atv:1:1");
        assertThat(marked.button("Trial keys: yes").callbackData()).isEqualTo("atv:1:0");
        assertThat(rig.shop.growthFlags.trialServers()).contains(new ServerId(1), new ServerId(2));

        Call tariff = admin.pressData(marked.messageId(), "afv:2");
        Call once = admin.press(tariff, "atp:2:1");
        assertThat(once.button("Once per user: yes")).isNotNull();
        assertThat(rig.shop.growthFlags.oncePerUser(new dev.vpnbot.domain.tariff.TariffId(2))).isTrue();

        Call stats = admin.pressData(once.messageId(), "aq");
        assertThat(stats.text()).contains("Trials and referrals").contains("trials started: 0");
    }
}
