package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /metrics}: the registry in Prometheus text format. */
public final class MetricsEndpoint implements WebHandler {
    private final MetricsRegistry registry;

    public MetricsEndpoint(MetricsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public WebReply handle(WebRequest request) {
        return new WebReply(200, MetricsRegistry.CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
