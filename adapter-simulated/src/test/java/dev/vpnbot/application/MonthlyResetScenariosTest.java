package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.simulated.SimulatedClientUsage;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryMonthlyResets;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemorySentNotifications;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.service.account.MonthlyTrafficResets;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffLimits;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tariff with a monthly reset: the bot restarts the key's traffic count every 30 days, once per period. */
class MonthlyResetScenariosTest extends ShopScenario {
    private final SimulatedClientUsage usage = new SimulatedClientUsage(panel);
    private MonthlyTrafficResets resets;
    private VpnKey key;

    @BeforeEach
    void deliverAThreeMonthKeyWithAMonthlyQuota() {
        Tariff threeMonths = TariffMother.months(2, 3, "12.00");
        shop.tariffs.save(threeMonths);
        shop.tariffLimits.setLimits(threeMonths.id(), new TariffLimits(0, 10, true));
        resets = new MonthlyTrafficResets(new InMemoryMonthlyResets((InMemoryKeys) shop.keys, (InMemoryOrders) shop.orders,
                shop.tariffLimits, (InMemorySentNotifications) shop.sentNotifications), shop.servers, usage, shop.sentNotifications, clock, 50);
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, threeMonths.id(), serverX.id()));
        gateway.payInFull(order.publicId());
        shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(), PaymentStatus.PAID,
                order.price(), "paid", "{}"));
        shop.worker.runDueJobs();
        key = shop.keys.ofOwner(BUYER).get(0);
        usage.setQuota(key.client().email(), 10L * 1024 * 1024 * 1024);
        usage.setTraffic(key.client().email(), 4_000, 6_000, START);
    }

    private long used() {
        return usage.usage(serverX, key.client()).orElseThrow().usedBytes();
    }

    @Test
    void rule_the_count_restarts_after_30_days_once_per_period() {
        clock.advance(Duration.ofDays(29));
        assertThat(resets.resetDue()).isZero();
        assertThat(used()).isEqualTo(10_000);

        clock.advance(Duration.ofDays(2));
        assertThat(resets.resetDue()).isEqualTo(1);
        assertThat(used()).isZero();

        usage.setTraffic(key.client().email(), 1, 2, START);
        assertThat(resets.resetDue()).as("the same period is reset once").isZero();
        assertThat(used()).isEqualTo(3);

        clock.advance(Duration.ofDays(30));
        assertThat(resets.resetDue()).isEqualTo(1);
        assertThat(used()).isZero();
    }

    @Test
    void rule_a_panel_that_does_not_answer_is_reset_on_a_later_run() {
        clock.advance(Duration.ofDays(31));
        panel.takeDown(serverX.id());
        assertThat(resets.resetDue()).isZero();

        panel.bringUp(serverX.id());
        assertThat(resets.resetDue()).isEqualTo(1);
        assertThat(used()).isZero();
    }
}
