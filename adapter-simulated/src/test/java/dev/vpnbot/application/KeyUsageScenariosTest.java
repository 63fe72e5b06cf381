package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.simulated.SimulatedClientUsage;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase.KeyUsage;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.service.account.KeyUsageReading;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key screen's usage: live from the panel, cached for a while, never waiting long on a slow panel. */
class KeyUsageScenariosTest extends ShopScenario {
    private final SimulatedClientUsage usagePanel = new SimulatedClientUsage(panel);
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private KeyUsageReading usage;
    private VpnKey key;

    @BeforeEach
    void deliverAKey() {
        // patient enough for any machine: only the hanging-panel test waits out a time limit, its own short one
        usage = new KeyUsageReading(shop.keys, shop.servers, usagePanel, clock, Duration.ofMinutes(1), Duration.ofSeconds(30), readers);
        Order order = buyOnServerX();
        gateway.payInFull(order.publicId());
        shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(), PaymentStatus.PAID,
                order.price(), "paid", "{}"));
        shop.worker.runDueJobs();
        key = shop.keys.ofOwner(BUYER).get(0);
    }

    @AfterEach
    void stopReaders() {
        usagePanel.answer();
        readers.shutdownNow();
    }

    @Test
    void rule_the_key_screen_shows_the_traffic_and_last_online_the_panel_reports() {
        Instant seen = START.minus(Duration.ofMinutes(7));
        usagePanel.setQuota(key.client().email(), 10_000);
        usagePanel.setTraffic(key.client().email(), 1_000, 2_000, seen);

        KeyUsage.Live live = (KeyUsage.Live) usage.usage(BUYER, key.id());

        assertThat(live.usage().usedBytes()).isEqualTo(3_000);
        assertThat(live.usage().totalBytes()).isEqualTo(10_000);
        assertThat(live.usage().lastOnline()).isEqualTo(seen);
        assertThat(live.usage().enabled()).isTrue();
    }

    @Test
    void rule_a_slow_panel_makes_usage_unavailable_instead_of_holding_the_screen() {
        usage = new KeyUsageReading(shop.keys, shop.servers, usagePanel, clock, Duration.ofMinutes(1), Duration.ofMillis(200), readers);
        usagePanel.hang(); // answers only when the test ends: the time limit is the only way out

        assertThat(usage.usage(BUYER, key.id())).isInstanceOf(KeyUsage.Unavailable.class);
        Await.until("the one panel read in flight", Duration.ofSeconds(30), () -> usagePanel.reads() == 1);
        assertThat(usage.usage(BUYER, key.id())).as("still hanging: the one read in flight is not repeated")
                .isInstanceOf(KeyUsage.Unavailable.class);
        assertThat(usagePanel.reads()).isEqualTo(1);
    }

    @Test
    void rule_usage_is_cached_for_a_minute() {
        usagePanel.setTraffic(key.client().email(), 5, 5, null);
        usage.usage(BUYER, key.id());
        usagePanel.setTraffic(key.client().email(), 50, 50, null);

        assertThat(((KeyUsage.Live) usage.usage(BUYER, key.id())).usage().usedBytes()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(61));
        assertThat(((KeyUsage.Live) usage.usage(BUYER, key.id())).usage().usedBytes()).isEqualTo(100);
        assertThat(usagePanel.reads()).isEqualTo(2);
    }

    @Test
    void rule_a_panel_that_is_down_or_lost_the_client_is_said_so() {
        panel.takeDown(serverX.id());
        assertThat(usage.usage(BUYER, key.id())).isInstanceOf(KeyUsage.Unavailable.class);

        panel.bringUp(serverX.id());
        panel.deleteByHand(serverX.id(), key.client().email());
        clock.advance(Duration.ofMinutes(2));
        assertThat(usage.usage(BUYER, key.id())).isInstanceOf(KeyUsage.MissingOnPanel.class);
    }

    @Test
    void rule_someone_elses_key_shows_no_usage() {
        assertThat(usage.usage(new UserId(4242), key.id())).isInstanceOf(KeyUsage.Unavailable.class);
        assertThat(usagePanel.reads()).isZero();
    }
}
