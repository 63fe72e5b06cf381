package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.balance.RenewFromBalanceUseCase.Round;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An auto-renewal paid from the balance on the money path's real adapters (PostgreSQL, the 3x-ui
 * adapter against the fake panel) when the process dies between the debit and the renewed key:
 * the next process finishes the renewal; the money is never taken without the time given, nor twice.
 */
@PostgresTest
class BalanceCrashTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private MoneyPathRig rig;

    /** Where the first process dies. */
    enum Crash { AFTER_THE_DEBIT, BEFORE_THE_PANEL_CALL, AFTER_THE_PANEL_CALL }

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
    void a_process_killed_between_the_debit_and_the_renewal_ends_with_the_renewal_done_once_and_the_money_taken_once(Crash crash) {
        RunningBot shop = rig.startBot();
        VpnKey key = rig.buyKey(shop);
        shop.autoRenewal.switchOn(MoneyPathRig.BUYER, key.id());
        shop.balanceAdministration.credit(RunningBot.ADMIN, MoneyPathRig.BUYER, "5.00", "enough for one renewal");
        rig.stop(shop);
        rig.clock.set(key.expiresAt().minus(Duration.ofDays(1)));

        RunningBot first = rig.startBot(RunningBot.Options.defaults().panel(p -> new DyingAtExpiry(p, crash)));
        assertThat(first.autoRenewal.renewDue()).isEqualTo(new Round(1, 0, 0));
        if (crash != Crash.AFTER_THE_DEBIT) assertThatThrownBy(first.worker::runDueJobs).isInstanceOf(DyingPanel.ProcessDied.class);
        rig.stop(first);
        assertThat(rig.count("SELECT count(*) FROM balance_entries WHERE kind = 'DEBIT'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).as("the paid renewal waits for a worker").isEqualTo(1);

        RunningBot second = rig.startBot();
        assertThat(second.autoRenewal.renewDue()).as("the claim holds across processes").isEqualTo(new Round(0, 0, 0));
        if (crash != Crash.AFTER_THE_DEBIT) rig.clock.advance(second.options.worker().lease());
        assertThat(second.worker.runDueJobs()).isEqualTo(1);

        VpnKey renewed = rig.key(key.id());
        assertThat(renewed.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(renewed.expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
        assertThat(rig.panelClient(renewed)).containsEntry("expiryTime", renewed.expiresAt().toEpochMilli());
        assertThat(rig.count("SELECT count(*) FROM balance_entries WHERE kind = 'DEBIT'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM balance_accounts WHERE amount = 0")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM orders WHERE paid_via = 'BALANCE' AND status = 'FULFILLED'")).isEqualTo(1);
        assertThat(second.notifier.sentOfKind("keyExtended")).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void a_database_connection_killed_inside_the_renewal_transaction_takes_no_money_and_the_next_round_renews() throws Exception {
        RunningBot shop = rig.startBot();
        VpnKey key = rig.buyKey(shop);
        shop.autoRenewal.switchOn(MoneyPathRig.BUYER, key.id());
        shop.balanceAdministration.credit(RunningBot.ADMIN, MoneyPathRig.BUYER, "5.00", "enough for one renewal");
        rig.stop(shop);
        rig.clock.set(key.expiresAt().minus(Duration.ofDays(1)));

        PausingOrders[] pause = new PausingOrders[1];
        RunningBot first = rig.startBot(RunningBot.Options.defaults()
                .orders(orders -> pause[0] = new PausingOrders(orders, PausingOrders.UnitOfWork.PAYMENT)));
        var renewing = java.util.concurrent.CompletableFuture.supplyAsync(first.autoRenewal::renewDue);
        pause[0].awaitPause(); // the debit is written, the order is PAID, nothing is committed yet
        long pid = rig.count("SELECT coalesce(min(pid), 0) FROM pg_locks WHERE relation = '" + rig.schema.name()
                + ".orders'::regclass AND mode = 'RowExclusiveLock' AND granted AND pid <> pg_backend_pid()");
        assertThat(pid).as("the renewal is one open transaction").isPositive();
        rig.schema.execute("SELECT pg_terminate_backend(" + pid + ")");
        pause[0].proceed();
        assertThatThrownBy(renewing::join).isInstanceOf(java.util.concurrent.CompletionException.class);
        rig.stop(first);

        assertThat(rig.count("SELECT count(*) FROM balance_entries WHERE kind = 'DEBIT'")).as("no money taken").isZero();
        assertThat(rig.count("SELECT count(*) FROM auto_renewals")).isZero();
        assertThat(rig.count("SELECT count(*) FROM orders WHERE paid_via = 'BALANCE'")).isZero();
        assertThat(rig.count("SELECT count(*) FROM balance_accounts WHERE amount = 5")).isEqualTo(1);

        RunningBot second = rig.startBot();
        assertThat(second.autoRenewal.renewDue()).isEqualTo(new Round(1, 0, 0));
        assertThat(second.worker.runDueJobs()).isEqualTo(1);
        assertThat(rig.key(key.id()).expiresAt()).isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
        assertThat(rig.count("SELECT count(*) FROM balance_accounts WHERE amount = 0")).isEqualTo(1);
    }

    /** The 3x-ui adapter, but the process dies at the renewal's panel call (before or after it). */
    private static final class DyingAtExpiry extends ForwardingPanel {
        private final Crash crash;

        DyingAtExpiry(VpnPanel panel, Crash crash) {
            super(panel);
            this.crash = crash;
        }

        @Override
        public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
            if (crash == Crash.BEFORE_THE_PANEL_CALL) throw new DyingPanel.ProcessDied("before the panel call");
            super.setExpiry(server, client, expiresAt);
            if (crash == Crash.AFTER_THE_PANEL_CALL) throw new DyingPanel.ProcessDied("after the panel set the expiry");
        }
    }
}
