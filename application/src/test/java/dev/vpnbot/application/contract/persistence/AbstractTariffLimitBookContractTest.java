package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code TariffLimitBook} contract, for every implementation. */
public abstract class AbstractTariffLimitBookContractTest extends PersistenceContract {
    private final Function<Persistence, TariffLimitBook> bookOf;
    private TariffLimitBook book;
    private Tariff tariff;

    protected AbstractTariffLimitBookContractTest(Supplier<Persistence> freshPorts, Function<Persistence, TariffLimitBook> bookOf) {
        super(freshPorts);
        this.bookOf = bookOf;
    }

    @BeforeEach
    void aTariff() {
        book = bookOf.apply(ports);
        tariff = new Tariff(ports.tariffs().nextId(), 30, Money.of("5.00", "USD"), true, 1);
        ports.tariffs().save(tariff);
    }

    @Test
    void a_tariff_has_no_limits_until_they_are_set_and_then_keeps_them() {
        assertThat(book.limitsOf(tariff.id())).isEqualTo(TariffLimits.NONE);

        assertThat(book.setLimits(tariff.id(), new TariffLimits(3, 100, true))).isTrue();

        assertThat(book.limitsOf(tariff.id())).isEqualTo(new TariffLimits(3, 100, true));
    }

    @Test
    void saving_the_tariff_again_for_a_price_change_keeps_its_limits() {
        book.setLimits(tariff.id(), new TariffLimits(2, 0, false));

        ports.tariffs().save(tariff.withPrice(Money.of("6.00", "USD")));

        assertThat(book.limitsOf(tariff.id())).isEqualTo(new TariffLimits(2, 0, false));
    }

    @Test
    void limits_of_a_tariff_that_does_not_exist_are_refused_and_read_as_none() {
        TariffId missing = new TariffId(987_654);

        assertThat(book.setLimits(missing, new TariffLimits(1, 1, false))).isFalse();
        assertThat(book.limitsOf(missing)).isEqualTo(TariffLimits.NONE);
    }
}
