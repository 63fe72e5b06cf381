package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.User;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code Tariffs} contract, for every implementation. */
public abstract class AbstractTariffsContractTest extends PersistenceContract {

    protected AbstractTariffsContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    private Tariff saved(int days, String price, String currency, boolean active, int displayOrder) {
        Tariff tariff = new Tariff(ports.tariffs().nextId(), days, Money.of(price, currency), active, displayOrder);
        ports.tariffs().save(tariff);
        return tariff;
    }

    @Test
    void new_ids_are_never_handed_out_twice() {
        TariffId first = ports.tariffs().nextId();
        TariffId second = ports.tariffs().nextId();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void a_saved_tariff_comes_back_as_saved() {
        Tariff tariff = saved(90, "13.50", "USD", true, 2);
        Tariff roubles = saved(30, "450", "RUB", false, 8);

        assertThat(ports.tariffs().find(tariff.id())).contains(tariff);
        assertThat(ports.tariffs().find(roubles.id())).contains(roubles);
        assertThat(ports.tariffs().find(roubles.id()).orElseThrow().price().amount()).hasToString("450.00");
    }

    @Test
    void all_lists_active_and_inactive_tariffs_in_display_order_then_by_length() {
        Tariff year = saved(360, "42.00", "USD", true, 4);
        Tariff week = saved(7, "1.50", "USD", false, 1);
        Tariff month = saved(30, "5.00", "USD", true, 1);
        Tariff quarter = saved(90, "13.50", "USD", true, 2);

        assertThat(ports.tariffs().all()).containsExactly(week, month, quarter, year);
    }

    @Test
    void saving_again_changes_price_and_switch() {
        Tariff tariff = saved(30, "5.00", "USD", true, 1);
        Tariff changed = tariff.withPrice(Money.of("4.00", "USD")).withActive(false);
        ports.tariffs().save(changed);

        assertThat(ports.tariffs().find(tariff.id())).contains(changed);
        assertThat(ports.tariffs().all()).containsExactly(changed);
    }

    @Test
    void a_deleted_tariff_is_gone_and_orders_keep_their_snapshot() {
        Tariff tariff = saved(30, "5.00", "USD", true, 1);
        Tariff other = saved(90, "13.50", "USD", true, 2);
        User buyer = savedUser(42);
        Order order = newOrder(buyer, new OrderPurpose.NewKey(savedServer("Frankfurt").id()), NOW);
        Order withThisTariff = new Order(order.id(), order.publicId(), order.userId(), tariff.snapshot(), order.purpose(),
                order.status(), order.paymentDeadline(), order.createdAt(), null, null, null, null, null, null);
        ports.orders().save(withThisTariff);

        ports.tariffs().delete(tariff.id());
        ports.tariffs().delete(new TariffId(999_999)); // unknown: nothing happens

        assertThat(ports.tariffs().find(tariff.id())).isEmpty();
        assertThat(ports.tariffs().all()).containsExactly(other);
        assertThat(ports.orders().find(order.id()).orElseThrow().tariff()).isEqualTo(tariff.snapshot());
    }
}
