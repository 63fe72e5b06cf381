package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.bootstrap.health.HealthCheck;
import dev.vpnbot.bootstrap.health.PanelHealth;
import dev.vpnbot.bootstrap.health.SalesHealth;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import dev.vpnbot.bootstrap.metrics.MeasuredVpnPanel;
import dev.vpnbot.bootstrap.metrics.OrderCounts;
import dev.vpnbot.bootstrap.metrics.SenderQueue;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * Metrics and health. Declares what adapter modules may contribute: health checks
 * ({@code @ProvidesIntoSet HealthCheck}), the orders-per-status counts and the sender queue
 * length ({@code @ProvidesIntoOptional(ACTUAL)}). Wraps the panel adapter with its meter.
 */
public final class ObservabilityModule extends AbstractModule {

    @Override
    protected void configure() {
        Autowire.singleton(binder(), BotMetrics.class);
        Autowire.singleton(binder(), PanelHealth.class);
        Autowire.singleton(binder(), SalesHealth.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class);
        OptionalBinder.newOptionalBinder(binder(), OrderCounts.class);
        OptionalBinder.newOptionalBinder(binder(), SenderQueue.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @ProvidesIntoSet
    HealthCheck panelsCheck(PanelHealth health) {
        return health;
    }

    @ProvidesIntoSet
    HealthCheck salesCheck(SalesHealth sales) {
        return sales;
    }

    /** The panel every use case talks to: the adapter's, timed and counted. */
    @Provides
    @Singleton
    VpnPanel measuredPanel(@Undecorated VpnPanel panel, BotMetrics metrics, PanelHealth health) {
        return new MeasuredVpnPanel(panel, metrics, health);
    }
}
