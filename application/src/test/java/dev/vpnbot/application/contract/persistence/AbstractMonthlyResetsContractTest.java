package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code MonthlyResets} contract, for every implementation. */
public abstract class AbstractMonthlyResetsContractTest extends PersistenceContract {
    private static final Invoice INVOICE = new Invoice("inv-monthly", "https://pay.example/inv-monthly");
    private final BiFunction<Persistence, TariffLimitBook, MonthlyResets> resetsOf;
    private final java.util.function.Function<Persistence, TariffLimitBook> bookOf;
    private MonthlyResets resets;
    private TariffLimitBook book;
    private User owner;
    private Server server;

    protected AbstractMonthlyResetsContractTest(Supplier<Persistence> freshPorts, java.util.function.Function<Persistence, TariffLimitBook> bookOf,
                                                BiFunction<Persistence, TariffLimitBook, MonthlyResets> resetsOf) {
        super(freshPorts);
        this.bookOf = bookOf;
        this.resetsOf = resetsOf;
    }

    @BeforeEach
    void aMonthlyTariff() {
        book = bookOf.apply(ports);
        resets = resetsOf.apply(ports, book);
        owner = savedUser(42);
        server = savedServer("Frankfurt");
        ports.tariffs().save(ONE_MONTH);
        book.setLimits(ONE_MONTH.id(), new TariffLimits(0, 10, true));
    }

    /** An active key made {@code age} ago, fulfilled by an order of ONE_MONTH (or none). */
    private VpnKey key(Duration age, boolean withOrder) {
        Instant made = NOW.minus(age);
        VpnKey k = newKey(owner, server, NOW.plus(Duration.ofDays(60)), KeyStatus.ACTIVE);
        VpnKey key = new VpnKey(k.id(), k.owner(), k.serverId(), k.client(), k.expiresAt(), k.status(), k.links(), made);
        ports.keys().save(key);
        if (withOrder) {
            Order order = placedOrder(owner, server, made).awaitPayment(INVOICE).pay(Money.of("5.00", "USD"), made)
                    .grant(key.id(), key.expiresAt()).fulfil(made);
            ports.orders().save(order);
        }
        return key;
    }

    @Test
    void a_key_of_a_monthly_tariff_is_due_once_per_30_day_period() {
        VpnKey key = key(Duration.ofDays(31), true);

        assertThat(resets.due(NOW, 10)).extracting(VpnKey::id).containsExactly(key.id());
        ports.sentNotifications().claim(MonthlyResets.KIND, MonthlyResets.subject(key, NOW));
        assertThat(resets.due(NOW, 10)).isEmpty();

        Instant nextPeriod = NOW.plus(Duration.ofDays(30));
        assertThat(resets.due(nextPeriod, 10)).extracting(VpnKey::id).containsExactly(key.id());
    }

    @Test
    void young_keys_keys_without_an_order_and_tariffs_without_reset_are_not_due() {
        key(Duration.ofDays(10), true);
        key(Duration.ofDays(40), false);
        VpnKey plain = key(Duration.ofDays(40), true);
        book.setLimits(ONE_MONTH.id(), new TariffLimits(0, 10, false));

        assertThat(resets.due(NOW, 10)).isEmpty();
        book.setLimits(ONE_MONTH.id(), new TariffLimits(0, 10, true));
        assertThat(resets.due(NOW, 10)).extracting(VpnKey::id).containsExactly(plain.id());
    }
}
