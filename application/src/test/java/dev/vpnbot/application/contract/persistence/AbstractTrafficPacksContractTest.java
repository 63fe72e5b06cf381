package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.TrafficPacks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code TrafficPacks} contract, for every implementation. */
public abstract class AbstractTrafficPacksContractTest extends PersistenceContract {
    private static final Invoice INVOICE = new Invoice("inv-pack", "https://pay.example/inv-pack");
    private final Function<Persistence, TrafficPacks> packsOf;
    protected TrafficPacks packs;
    protected Tariff pack;
    protected User owner;
    protected Server server;

    protected AbstractTrafficPacksContractTest(Supplier<Persistence> freshPorts, Function<Persistence, TrafficPacks> packsOf) {
        super(freshPorts);
        this.packsOf = packsOf;
    }

    @BeforeEach
    void aPack() {
        packs = packsOf.apply(ports);
        ports.tariffs().save(ONE_MONTH);
        pack = new Tariff(ports.tariffs().nextId(), 30, Money.of("2.00", "USD"), true, 9);
        ports.tariffs().save(pack);
        owner = savedUser(77);
        server = savedServer("Amsterdam");
    }

    /** A fulfilled renewal of the key with the tariff. */
    protected Order fulfilledOrder(VpnKey key, Tariff tariff) {
        dev.vpnbot.domain.order.OrderId id = ports.orders().nextId();
        Order order = Order.place(id, dev.vpnbot.domain.order.PublicOrderId.of(id, "pack" + id), owner.id(), tariff.snapshot(),
                        new dev.vpnbot.domain.order.OrderPurpose.Renewal(key.id()), NOW, Duration.ofHours(1)).awaitPayment(INVOICE).pay(tariff.price(), NOW)
                .grant(key.id(), key.expiresAt()).fulfil(NOW);
        ports.orders().save(order);
        return order;
    }

    @Test
    void a_tariff_is_no_pack_until_it_is_made_one_and_an_ordinary_tariff_again_with_zero() {
        assertThat(packs.packGb(pack.id())).isZero();
        assertThat(packs.packs()).isEmpty();

        assertThat(packs.setPackGb(pack.id(), 10)).isTrue();
        assertThat(packs.packGb(pack.id())).isEqualTo(10);
        assertThat(packs.packs()).containsExactly(pack.id());

        ports.tariffs().save(pack.withPrice(Money.of("3.00", "USD"))); // a price change keeps it a pack
        assertThat(packs.packGb(pack.id())).isEqualTo(10);

        packs.setPackGb(pack.id(), 0);
        assertThat(packs.packs()).isEmpty();
    }

    @Test
    void a_tariff_that_does_not_exist_cannot_be_made_a_pack() {
        TariffId missing = new TariffId(987_655);

        assertThat(packs.setPackGb(missing, 5)).isFalse();
        assertThat(packs.packGb(missing)).isZero();
    }

    @Test
    void packs_granted_to_a_key_add_up_once_per_order_until_its_period_restarts() {
        VpnKey key = savedKey(owner, server, NOW.plus(Duration.ofDays(20)), KeyStatus.ACTIVE);
        VpnKey other = savedKey(owner, server, NOW.plus(Duration.ofDays(20)), KeyStatus.ACTIVE);
        Order first = fulfilledOrder(key, pack);
        Order second = fulfilledOrder(key, pack);
        Order plain = fulfilledOrder(key, pack);

        packs.granted(first.id(), key.id(), 10, NOW);
        packs.granted(first.id(), key.id(), 10, NOW); // a repeat changes nothing
        packs.granted(second.id(), key.id(), 5, NOW);

        assertThat(packs.extraGb(key.id())).isEqualTo(15);
        assertThat(packs.extraGb(other.id())).isZero();
        assertThat(packs.grantedBy(first.id())).isEqualTo(10);
        assertThat(packs.grantedBy(plain.id())).isZero();

        packs.periodRestarted(key.id());

        assertThat(packs.extraGb(key.id())).isZero();
        assertThat(packs.grantedBy(first.id())).isEqualTo(10); // still known as a pack order
    }
}
