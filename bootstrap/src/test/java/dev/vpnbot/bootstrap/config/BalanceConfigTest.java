package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** AUTO_RENEW_DAYS and TOPUP_PRESETS: read as documented, refused with a clear word otherwise. */
class BalanceConfigTest {

    @Test
    void presets_are_positive_amounts_separated_by_commas_at_most_six() {
        assertThat(BalanceConfig.presets("5, 10,25.50")).containsExactly(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("25.50"));
        assertThatThrownBy(() -> BalanceConfig.presets("5,ten")).hasMessageContaining("e.g. 5,10,25");
        assertThatThrownBy(() -> BalanceConfig.presets("5,0")).hasMessageContaining("above zero");
        assertThatThrownBy(() -> BalanceConfig.presets("1,2,3,4,5,6,7")).hasMessageContaining("at most 6");
    }

    @Test
    void auto_renew_days_are_whole_days_from_1_to_30_default_2() {
        assertThat(BalanceConfig.days(" 3 ")).isEqualTo(3);
        assertThat(BalanceConfig.defaults().autoRenewDays()).isEqualTo(2);
        for (String bad : new String[] {"0", "31", "2.5", "two"}) {
            assertThatThrownBy(() -> BalanceConfig.days(bad)).as(bad).hasMessageContaining("1 to 30");
        }
    }
}
