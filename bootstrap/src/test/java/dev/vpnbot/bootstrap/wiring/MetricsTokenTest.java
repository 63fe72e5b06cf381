package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** METRICS_TOKEN: /metrics answers only the bearer of the token. */
class MetricsTokenTest {
    private final BearerToken page = new BearerToken("metrics-token-0123456789", request -> WebReply.text(200, "vpnbot_up 1\n"));

    private static WebRequest get(Map<String, List<String>> headers) {
        return new WebRequest("GET", "/metrics", null, headers, null, InetAddress.getLoopbackAddress());
    }

    @Test
    void metrics_without_the_bearer_token_are_refused_with_401() {
        assertThat(page.handle(get(Map.of())).status()).isEqualTo(401);
        assertThat(page.handle(get(Map.of("authorization", List.of("Bearer wrong-token-0123456789")))).status()).isEqualTo(401);
        assertThat(page.handle(get(Map.of("authorization", List.of("metrics-token-0123456789")))).status()).isEqualTo(401);
        assertThat(page.handle(get(Map.of())).headers()).containsKey("WWW-Authenticate");
    }

    @Test
    void metrics_with_the_bearer_token_are_served() {
        WebReply reply = page.handle(get(Map.of("authorization", List.of("Bearer metrics-token-0123456789"))));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body())).isEqualTo("vpnbot_up 1\n");
    }
}
