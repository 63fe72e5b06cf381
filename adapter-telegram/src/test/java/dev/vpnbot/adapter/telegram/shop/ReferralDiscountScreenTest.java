package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.adapter.telegram.notify.TelegramReferralNews;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.service.growth.GrowthSettings;
import dev.vpnbot.application.service.growth.ReferralRewards;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.trial.TrialPolicy;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Invite friends" when the operator chose the discount reward, through the fake Bot API (docs/GROWTH.md). */
class ReferralDiscountScreenTest {
    private static final GrowthSettings GROWTH = new GrowthSettings(TrialPolicy.off(), new ReferralReward.Discount(15, null), "vpn_test_bot");
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void invite_friends_with_the_discount_reward_says_the_percent_and_shows_the_code_earned() {
        rig = BotRig.startedWithGrowth(GROWTH);
        BotRig.TgUser anna = rig.user(1001, "Anna", "en");
        Call invite = anna.press(anna.send("/start"), "ti");
        assertThat(invite.text()).contains("15% off your next order").contains("Rewards: <b>0</b>").doesNotContain("REF-");
        String link = invite.button("Copy the link").copyText();

        rig.clock.advance(Duration.ofMinutes(1)); // the referrer registered before the invited user
        BotRig.TgUser boris = rig.user(1002, "Boris", "en");
        boris.send("/start " + link.substring(link.indexOf("start=") + 6));
        Order borisOrder = rig.shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(new UserId(1002), new TariffId(1), new ServerId(1)));
        assertThat(rig.payAndDeliver(borisOrder.id().value())).isEqualTo(Outcome.PAID);
        ReferralRewards rewards = new ReferralRewards(rig.shop.referrals, rig.shop.orders, rig.shop.keys, rig.shop.servers, rig.shop.panel,
                rig.shop.trials, rig.shop.jobs, order -> { }, rig.shop.transactions, rig.clock, GROWTH, rig.promoCodes, rig.users,
                new TelegramReferralNews(rig.settings, rig.sender));
        int mark = rig.api.mark();
        assertThat(rewards.run()).isEqualTo(1);
        Call news = rig.api.awaitContent(mark, 1001);
        assertThat(news.text()).contains("Your personal code: <code>REF-").contains("15% off your next order");
        assertThat(news.button("Invite friends").callbackData()).isEqualTo("ti");

        Call after = anna.press(anna.send("/start"), "ti");
        Matcher code = Pattern.compile("<code>(REF-[A-Z2-9]{8})</code>: 15% off").matcher(after.text());
        assertThat(code.find()).as(after.text()).isTrue();
        assertThat(after.text()).contains("Invited: <b>1</b>").contains("Rewards: <b>1</b>");
        assertThat(rig.promoCodes.find(code.group(1)).orElseThrow().owner()).isEqualTo(new UserId(1001));
    }
}
