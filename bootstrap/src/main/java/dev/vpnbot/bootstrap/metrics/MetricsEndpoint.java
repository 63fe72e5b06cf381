package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /metrics}: every metric in the Prometheus text format. */
public final class MetricsEndpoint implements WebHandler {
    private final BotMetrics metrics;

    public MetricsEndpoint(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public WebReply handle(WebRequest request) {
        return new WebReply(200, BotMetrics.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
