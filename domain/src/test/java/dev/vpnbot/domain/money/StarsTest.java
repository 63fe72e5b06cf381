package dev.vpnbot.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.tariff.Tariff;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StarsTest {

    @Test
    void rule_a_derived_stars_price_is_rounded_up_never_below_the_fiat_price() {
        assertThat(Stars.forPrice(Money.of("4.99", "USD"), new BigDecimal("50"))).isEqualTo(new Stars(250)); // 249.5 → 250
        assertThat(Stars.forPrice(Money.of("4.00", "USD"), new BigDecimal("50"))).isEqualTo(new Stars(200)); // exact stays
        assertThat(Stars.forPrice(Money.of("0.01", "USD"), new BigDecimal("0.5"))).isEqualTo(new Stars(1)); // at least one
    }

    @Test
    void stars_are_whole_and_within_telegrams_limits() {
        assertThatThrownBy(() -> Stars.price(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new Stars(Stars.MAX + 1)).hasMessageContaining("0..");
        assertThatThrownBy(() -> Stars.forPrice(Money.of("1", "USD"), BigDecimal.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void rule_the_admins_stars_price_wins_over_the_rate_and_none_without_either() {
        Tariff tariff = TariffMother.months(1, 1, "4.99");
        assertThat(tariff.snapshot(new BigDecimal("50")).stars()).isEqualTo(new Stars(250));
        assertThat(tariff.withStarsPrice(Stars.price(99)).snapshot(new BigDecimal("50")).stars()).isEqualTo(new Stars(99));
        assertThat(tariff.snapshot(null).stars()).isNull();
        assertThat(tariff.withStarsPrice(Stars.price(99)).withPrice(Money.of("9.99", "USD")).starsPrice()).isEqualTo(new Stars(99));
    }
}
