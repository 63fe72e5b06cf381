package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.ProvidesIntoMap;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.health.HealthCheck;
import dev.vpnbot.bootstrap.health.HealthEndpoint;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.TrustedProxies;
import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP server and its route table ({@link Route}). Serves /healthz and /metrics itself; an
 * adapter module plugs in its route with {@code @ProvidesIntoMap @RouteKey(Route.X)}: a
 * {@link WebHandler} that hands the adapter's plain method what it reads of the request and
 * turns that method's answer into a {@link WebReply}.
 */
public final class HttpModule extends AbstractModule {
    static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(3);

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), Route.class, WebHandler.class);
    }

    @Provides
    @Singleton
    HealthEndpoint healthEndpoint(Set<HealthCheck> checks) {
        return new HealthEndpoint(checks, HEALTH_CHECK_TIMEOUT);
    }

    @ProvidesIntoMap
    @RouteKey(Route.HEALTH)
    WebHandler health(HealthEndpoint endpoint) {
        return endpoint;
    }

    @ProvidesIntoMap
    @RouteKey(Route.METRICS)
    WebHandler metrics(BotMetrics metrics, HttpConfig http) {
        WebHandler page = request -> new WebReply(200, BotMetrics.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of());
        return http.metricsToken() == null ? page : new BearerToken(http.metricsToken().reveal(), page);
    }

    /** TRUSTED_PROXIES: the only peers whose X-Forwarded-For the server believes. */
    @Provides
    @Singleton
    WebServer webServer(HttpConfig http, Map<Route, WebHandler> routes, BotMetrics metrics) {
        return new WebServer(http.bind(), http.port(), routes, new TrustedProxies(http.trustedProxies()::contains), metrics::httpRequest,
                WebServer.Limits.defaults());
    }
}
