package dev.vpnbot.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase.ServerRound;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.bootstrap.health.Health;
import dev.vpnbot.bootstrap.health.PanelHealth;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeasuringDecoratorsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final BotMetrics metrics = new BotMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            Optional.of(() -> Map.of(OrderStatus.PAID, 4L, OrderStatus.FULFILLED, 9L)), Optional.of(() -> 17));
    private final PanelHealth health = new PanelHealth(clock);
    private final SimulatedVpnPanel fake = new SimulatedVpnPanel();
    private final MeasuredVpnPanel panel = new MeasuredVpnPanel(fake, metrics, health);
    private final Server helsinki = ServerMother.server(1, "Helsinki");
    private final Server riga = ServerMother.server(2, "Riga");
    private final PanelClientId client = new PanelClientId(UUID.randomUUID(), "vpnbot-k1-u1", "k1abcdef");

    @Test
    void every_panel_call_is_timed_and_failures_are_counted_by_operation_server_and_cause() {
        panel.createClient(helsinki, new NewPanelClient(client, clock.instant().plusSeconds(3600), 1, 0, 0));
        fake.failNext(1);
        assertThatThrownBy(() -> panel.setExpiry(riga, client, clock.instant())).isInstanceOf(PanelException.class);
        assertThatThrownBy(() -> panel.setExpiry(helsinki, new PanelClientId(UUID.randomUUID(), "gone", "gone1234"), clock.instant()))
                .isInstanceOf(PanelException.class);

        assertThat(metrics.panelCalls.withTag("operation", "create_client").count()).isEqualTo(1);
        assertThat(metrics.panelCalls.withTag("operation", "set_expiry").count()).isEqualTo(2);
        assertThat(metrics.panelErrors.withTags("operation", "set_expiry", "server", "2", "kind", "unreachable").count()).isEqualTo(1);
        assertThat(metrics.panelErrors.withTags("operation", "set_expiry", "server", "1", "kind", "client_not_found").count()).isEqualTo(1);
        // Prometheus labels come sorted by name
        assertThat(metrics.scrape()).contains("vpnbot_panel_errors_total{kind=\"unreachable\",operation=\"set_expiry\",server=\"2\"} 1");
    }

    @Test
    void panel_health_degrades_on_an_unreachable_panel_and_recovers_with_its_next_good_call() {
        assertThat(health.check().status()).isEqualTo(Health.Status.UP);
        panel.findClient(helsinki, client);
        fake.failNext(1);
        assertThatThrownBy(() -> panel.findClient(riga, client)).isInstanceOf(PanelException.class);

        Health degraded = health.check();
        assertThat(degraded.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(degraded.detail()).startsWith("1 of 2 panel(s) failing: server 2").contains("UNREACHABLE");

        panel.findClient(riga, client);
        assertThat(health.check()).isEqualTo(Health.up("2 panel(s) answering"));
    }

    @Test
    void a_panel_that_answers_client_not_found_is_healthy() {
        assertThatThrownBy(() -> panel.setEnabled(helsinki, client, false)).isInstanceOf(PanelException.class);
        assertThat(health.check().status()).isEqualTo(Health.Status.UP);
    }

    @Test
    void fulfilment_latency_is_observed_for_deliveries_and_every_outcome_is_counted() {
        List<Object> script = new java.util.ArrayList<>(List.of(FulfilOrderUseCase.Result.FULFILLED,
                FulfilOrderUseCase.Result.ALREADY_FULFILLED, new PanelException(PanelFault.BUSY, "busy")));
        MeasuredFulfilment measured = new MeasuredFulfilment(id -> {
            Object next = script.remove(0);
            if (next instanceof RuntimeException e) throw e;
            return (FulfilOrderUseCase.Result) next;
        }, metrics);

        measured.fulfil(new OrderId(1));
        measured.fulfil(new OrderId(1));
        assertThatThrownBy(() -> measured.fulfil(new OrderId(2))).isInstanceOf(PanelException.class);

        assertThat(metrics.fulfilment.count()).isEqualTo(1);
        assertThat(metrics.fulfilments.withTag("result", "fulfilled").count()).isEqualTo(1);
        assertThat(metrics.fulfilments.withTag("result", "already_fulfilled").count()).isEqualTo(1);
        assertThat(metrics.fulfilments.withTag("result", "failed").count()).isEqualTo(1);
    }

    @Test
    void drift_repairs_are_counted_per_server_and_fix_and_failures_per_server_and_reason() {
        RepairPanelDriftUseCase.Result round = new RepairPanelDriftUseCase.Result(List.of(
                new ServerRound(helsinki.id(), 40, Map.of(Fix.CREATED, 2, Fix.EXPIRY, 3), 1, false),
                new ServerRound(riga.id(), 1, Map.of(), 0, true)));
        MeasuredDriftRepair measured = new MeasuredDriftRepair(() -> round, metrics);

        assertThat(measured.repairDrift()).isSameAs(round);
        measured.repairDrift();

        assertThat(metrics.driftFixes.withTags("server", "1", "fix", "created").count()).isEqualTo(4);
        assertThat(metrics.driftFixes.withTags("server", "1", "fix", "expiry").count()).isEqualTo(6);
        assertThat(metrics.driftKeysChecked.withTag("server", "1").count()).isEqualTo(80);
        assertThat(metrics.driftFailures.withTags("server", "1", "reason", "untrusted_answer").count()).isEqualTo(2);
        assertThat(metrics.driftFailures.withTags("server", "2", "reason", "server_skipped").count()).isEqualTo(2);
        assertThat(metrics.driftFailures.withTags("server", "1", "reason", "server_skipped").count()).isZero();
        assertThat(metrics.scrape())
                .contains("vpnbot_panel_drift_fixes_total{fix=\"created\",server=\"1\"} 4")
                .contains("vpnbot_panel_drift_failures_total{reason=\"server_skipped\",server=\"2\"} 2")
                .contains("# TYPE vpnbot_panel_drift_fixes_total counter");
    }

    @Test
    void payment_notifications_are_counted_by_outcome_and_a_gateway_that_could_not_be_asked_as_an_error() {
        List<Outcome> script = new java.util.ArrayList<>(List.of(Outcome.PAID, Outcome.GATEWAY_UNREACHABLE,
                Outcome.GATEWAY_ANSWER_UNUSABLE, Outcome.NOT_CONFIRMED));
        MeasuredPaymentNotifications measured = new MeasuredPaymentNotifications(command -> script.remove(0), metrics);
        ConfirmPaymentCommand paid = new ConfirmPaymentCommand("inv-1", new PublicOrderId("vpn-1-abcdefgh"), PaymentStatus.PAID,
                null, "paid", "{}");

        for (int i = 0; i < 4; i++) measured.confirm(paid);

        assertThat(metrics.paymentNotifications.withTag("outcome", "paid").count()).isEqualTo(1);
        assertThat(metrics.paymentNotifications.withTag("outcome", "error").count()).isEqualTo(2);
        assertThat(metrics.paymentNotifications.withTag("outcome", "not_confirmed").count()).isEqualTo(1);
    }

    @Test
    void updates_are_counted_as_handled_or_failed() {
        metrics.updateTaken(true);
        metrics.updateTaken(true);
        metrics.updateTaken(false);

        assertThat(metrics.updates.withTag("outcome", "handled").count()).isEqualTo(2);
        assertThat(metrics.updates.withTag("outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void orders_per_status_and_the_sender_queue_are_read_from_their_callbacks_with_every_status_shown() {
        String page = metrics.scrape();
        assertThat(page).contains("vpnbot_orders{status=\"paid\"} 4", "vpnbot_orders{status=\"fulfilled\"} 9",
                "vpnbot_orders{status=\"created\"} 0", "vpnbot_orders{status=\"underpaid\"} 0", "vpnbot_sender_queue_length 17");
    }

    @Test
    void without_a_database_or_a_sender_those_gauges_are_absent_rather_than_made_up() {
        String page = new BotMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(), Optional.empty()).scrape();
        assertThat(page).doesNotContain("vpnbot_orders", "vpnbot_sender_queue_length").contains("vpnbot_telegram_updates_total");
    }
}
