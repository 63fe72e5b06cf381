package dev.vpnbot.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_are_kept_at_the_currency_scale_so_equal_values_are_equal() {
        assertThat(Money.of("5", "USD")).isEqualTo(Money.of("5.00", "usd"));
        assertThat(Money.of("5", "USD").amount().toPlainString()).isEqualTo("5.00");
    }

    @Test
    void more_decimals_than_the_currency_has_is_refused_not_rounded() {
        assertThatThrownBy(() -> Money.of("4.999", "USD")).hasMessageContaining("2 decimal places");
    }

    @Test
    void negative_amounts_and_unknown_currencies_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> Money.of("-1", "USD")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.of("1", "XXXX")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of("abc", "USD")).hasMessageContaining("not an amount");
    }

    @Test
    void money_in_different_currencies_cannot_be_compared() {
        assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "EUR"))).hasMessageContaining("USD with EUR");
    }

    @Test
    void subtraction_and_comparison_work_in_decimal() {
        assertThat(Money.of("0.30", "USD").minus(Money.of("0.10", "USD"))).isEqualTo(Money.of("0.2", "USD"));
        assertThat(Money.of("5.01", "USD").isAtLeast(Money.of("5.00", "USD"))).isTrue();
    }
}
