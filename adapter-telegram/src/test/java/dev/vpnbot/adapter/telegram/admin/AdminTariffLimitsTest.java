package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tariff's device and traffic limits, set by an admin from the tariff card; bad input changes nothing. */
class AdminTariffLimitsTest {
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

    @Test
    void an_admin_sets_devices_and_a_monthly_quota_and_the_card_shows_them() {
        Call card = olga.press(olga.send("/tariffs"), "afv:1");
        assertThat(card.text()).contains("Key limits: devices — the shop default, traffic — the shop default");

        Call ask = olga.press(card, "aul:1");
        assertThat(ask.text()).contains("Send the limits for 1 month");
        Call changed = olga.send("3 50 monthly");

        assertThat(changed.text()).contains("Limits saved").contains("devices — 3, traffic — 50 GB, starting from zero every 30 days");
        assertThat(rig.shop.tariffLimits.limitsOf(new TariffId(1))).isEqualTo(new TariffLimits(3, 50, true));
        assertThat(rig.states.find(BotRig.ADMIN)).isEmpty();
    }

    @Test
    void words_numbers_out_of_range_and_a_reset_without_quota_are_explained_and_change_nothing() {
        olga.press(olga.press(olga.send("/tariffs"), "afv:1"), "aul:1");

        assertThat(olga.send("many").text()).contains("Send two whole numbers");
        assertThat(olga.send("5000 1").text()).contains("Send two whole numbers");
        assertThat(olga.send("2 0 monthly").text()).contains("monthly reset needs a traffic limit");
        assertThat(rig.shop.tariffLimits.limitsOf(new TariffId(1))).isEqualTo(TariffLimits.NONE);

        assertThat(olga.send("0 0").text()).contains("Limits saved");
    }
}
