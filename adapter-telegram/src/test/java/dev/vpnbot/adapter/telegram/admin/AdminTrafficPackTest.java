package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.tariff.TariffId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin makes a tariff a traffic pack from its card (and an ordinary tariff again); bad input changes nothing. */
class AdminTrafficPackTest {
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
    void an_admin_makes_a_tariff_a_pack_of_50_gb_and_it_leaves_the_new_key_tariffs() {
        Call card = olga.press(olga.send("/tariffs"), "afv:1");
        assertThat(card.text()).contains("An ordinary tariff (not a traffic pack)");

        Call ask = olga.press(card, "aqp:1");
        assertThat(ask.text()).contains("How many GB does this tariff");
        Call changed = olga.send("50");

        assertThat(changed.text()).contains("Saved.").contains("Traffic pack: adds 50 GB to a key and no days");
        assertThat(rig.shop.trafficPacks.packGb(new TariffId(1))).isEqualTo(50);
        assertThat(rig.shop.catalogue.activeTariffs()).extracting(t -> t.id().value()).doesNotContain(1L);
        assertThat(rig.states.find(BotRig.ADMIN)).isEmpty();
    }

    @Test
    void words_and_numbers_out_of_range_are_explained_and_zero_makes_it_ordinary_again() {
        olga.press(olga.press(olga.send("/tariffs"), "afv:1"), "aqp:1");

        assertThat(olga.send("lots").text()).contains("Send one whole number of GB");
        assertThat(olga.send("-5").text()).contains("Send one whole number of GB");
        assertThat(olga.send("2000000").text()).contains("Send one whole number of GB");
        assertThat(rig.shop.trafficPacks.packGb(new TariffId(1))).isZero();

        olga.send("20");
        olga.press(olga.press(olga.send("/tariffs"), "afv:1"), "aqp:1");
        assertThat(olga.send("0").text()).contains("An ordinary tariff");
        assertThat(rig.shop.trafficPacks.packGb(new TariffId(1))).isZero();
    }
}
