package dev.vpnbot.domain.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TariffLimitsTest {

    @Test
    void rule_zero_falls_back_to_the_shops_default_and_a_gb_is_1024_cubed_bytes() {
        assertThat(TariffLimits.NONE.devicesOr(3)).isEqualTo(3);
        assertThat(TariffLimits.NONE.totalBytesOr(77)).isEqualTo(77);
        TariffLimits own = new TariffLimits(2, 50, true);
        assertThat(own.devicesOr(3)).isEqualTo(2);
        assertThat(own.totalBytesOr(77)).isEqualTo(50L * 1024 * 1024 * 1024);
    }

    @Test
    void rule_a_monthly_reset_needs_a_traffic_limit_and_limits_are_never_negative() {
        assertThatThrownBy(() -> new TariffLimits(0, 0, true)).hasMessageContaining("monthly reset");
        assertThatThrownBy(() -> new TariffLimits(-1, 0, false)).hasMessageContaining("devices");
        assertThatThrownBy(() -> new TariffLimits(0, -5, false)).hasMessageContaining("traffic");
    }
}
