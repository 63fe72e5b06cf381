package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gift codes through the real adapter against the fake Bot API: a buyer buys a tariff as a gift
 * and pays; the link comes (with the bot's name from getMe); a second user opens it, picks a
 * location and gets the key; the buyer is told once; nobody else can open it again.
 */
class GiftJourneyTest {
    private static final Pattern LINK = Pattern.compile("https://t\\.me/vpn_test_bot\\?start=gift_([a-z2-7]{20})");

    private BotRig rig;

    @BeforeEach
    void open() {
        rig = BotRig.started();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void a_gift_is_bought_paid_passed_on_and_opened_by_a_second_user_on_the_location_of_their_choice() {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call tariff = ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1");
        Call summary = ivan.press(tariff, "gb:1");
        long orderId = Long.parseLong(summary.data("oc:").substring(3));
        assertThat(summary.text()).contains("5.00 USD");
        assertThat(summary.buttons()).as("a gift order is not placed again with a code: it would lose its gift")
                .noneMatch(b -> b.callbackData() != null && b.callbackData().startsWith("cp:"));

        int beforePayment = rig.api.mark();
        rig.payAndDeliver(orderId);
        Call ready = rig.api.awaitAfter(beforePayment, java.time.Duration.ofSeconds(30),
                c -> c.ok() && c.isContent() && c.chatId() == 1001 && c.text().contains("Your gift is paid"));
        Matcher link = LINK.matcher(ready.text());
        assertThat(link.find()).as(ready.text()).isTrue();
        String code = link.group(1);
        assertThat(rig.keys.ofOwner(new UserId(1001))).as("a gift makes no key for its buyer").isEmpty();

        BotRig.TgUser olga = rig.user(1002, "Olga", "ru");
        Call picker = olga.send("/start gift_" + code);
        assertThat(picker.text()).contains("Вам подарили");
        int beforeTaking = rig.api.mark();
        Call taken = olga.press(picker, "gs:" + code + ":2");
        assertThat(taken.text()).contains("Подарок ваш");
        rig.deliverDueKeys();

        VpnKey key = rig.keys.ofOwner(new UserId(1002)).get(0);
        assertThat(key.serverId().value()).isEqualTo(2);
        assertThat(rig.api.calls().stream().skip(beforeTaking)
                .filter(c -> c.ok() && c.isContent() && c.chatId() == 1001 && c.text().contains("has been opened"))).hasSize(1);
        assertThat(rig.gifts.byCode(code)).get().extracting(Gift::status).isEqualTo(Gift.Status.REDEEMED);

        BotRig.TgUser petr = rig.user(1003, "Petr", "en");
        assertThat(petr.send("/start gift_" + code).text()).contains("already been opened by someone else");
        Call mine = ivan.press(ivan.press(ivan.send("/start"), "b"), "g");
        assertThat(mine.text()).contains("#1").contains("opened ✅");
    }

    @Test
    void garbage_too_long_or_unknown_gift_links_say_gift_not_found_and_other_payloads_get_the_normal_start() {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        for (String payload : new String[] {"gift_", "gift_<script>", "gift_" + "a".repeat(58), "gift_abcdefghijklmnopqrst"}) {
            assertThat(ivan.send("/start " + payload).text()).as(payload).contains("Gift not found");
        }
        assertThat(ivan.send("/start giftabc").text()).contains("Hi").contains("Ivan");
        assertThat(rig.gifts.ofBuyer(new UserId(1001), 10)).isEmpty();
    }
}
