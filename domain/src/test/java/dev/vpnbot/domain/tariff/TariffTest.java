package dev.vpnbot.domain.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.money.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TariffTest {

    @Test
    void rule_one_month_is_thirty_days_whatever_the_calendar_says() {
        assertThat(Tariff.monthsToDays(1)).isEqualTo(30);
        assertThat(Tariff.monthsToDays(12)).isEqualTo(360);
        assertThat(TariffMother.months(1, 3, "12.00").duration()).isEqualTo(Duration.ofDays(90));
        assertThat(TariffMother.months(1, 3, "12.00").months()).isEqualTo(3);
    }

    @Test
    void a_tariff_must_last_and_cost_something() {
        assertThatThrownBy(() -> new Tariff(new TariffId(1), 0, Money.of("1", "USD"), true, 1)).hasMessageContaining("days");
        assertThatThrownBy(() -> new Tariff(new TariffId(1), 30, Money.of("0", "USD"), true, 1)).hasMessageContaining("cost");
    }

    @Test
    void a_snapshot_keeps_the_price_at_purchase_time() {
        Tariff tariff = TariffMother.oneMonth(1);
        TariffSnapshot snapshot = tariff.snapshot();
        tariff.withPrice(Money.of("9.00", "USD"));
        assertThat(snapshot.price()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(snapshot.days()).isEqualTo(30);
    }
}
