package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.bootstrap.moneypath.MoneyPathFaultTest.Crash;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase.Charge;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Stars payment on the money path's real adapters (PostgreSQL, the 3x-ui adapter against the fake
 * panel) when the process dies between the payment and the delivered key: the next process, which
 * also gets Telegram's repeat of the successful_payment (the dead one never confirmed the update),
 * applies nothing twice and delivers exactly one key.
 */
@PostgresTest
class StarsCrashTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private MoneyPathRig rig;

    @BeforeEach
    void openRig(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        rig = new MoneyPathRig(db, schema, clock, START);
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @ParameterizedTest
    @EnumSource(Crash.class)
    void a_process_killed_between_a_stars_payment_and_its_key_ends_with_one_key_after_telegram_repeats_the_payment(Crash crash) {
        RunningBot first = rig.startBot(MoneyPathFaultTest.dyingAt(crash));
        Order order = rig.placeNewKey(first);
        Charge charge = new Charge(MoneyPathRig.BUYER, order.publicId().value(), "XTR", order.starsPrice().orElseThrow().count(),
                "stxKILLED1", "{}");
        assertThat(first.stars.paid(charge)).isEqualTo(Outcome.PAID);
        if (crash != Crash.AFTER_PAYMENT) assertThatThrownBy(first.worker::runDueJobs).isInstanceOf(DyingPanel.ProcessDied.class);
        rig.stop(first);
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.PAID);

        RunningBot second = rig.startBot();
        assertThat(second.stars.paid(charge)).as("Telegram delivers the unconfirmed update again").isEqualTo(Outcome.ALREADY_APPLIED);
        if (crash != Crash.AFTER_PAYMENT) rig.clock.advance(second.options.worker().lease());
        assertThat(second.worker.runDueJobs()).isEqualTo(1);

        Order delivered = rig.order(order.id());
        assertThat(delivered.status()).isEqualTo(OrderStatus.FULFILLED);
        VpnKey key = rig.key(delivered.keyId());
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(rig.count("SELECT count(*) FROM vpn_keys")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM star_payments")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM payment_events")).isEqualTo(1);
        assertThat(rig.ourPanelClients()).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("id", key.client().uuid().toString())
                .containsEntry("expiryTime", key.expiresAt().toEpochMilli()));
        assertThat(second.notifier.sentOfKind("keyReady")).hasSize(1);
    }
}
