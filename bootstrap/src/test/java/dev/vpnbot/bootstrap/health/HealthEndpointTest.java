package dev.vpnbot.bootstrap.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthEndpointTest {
    private static final WebRequest GET = new WebRequest("GET", "/healthz", null, Map.of(), null, InetAddress.getLoopbackAddress());

    private static HealthCheck check(String name, Health health) {
        return new HealthCheck() {
            public String name() {
                return name;
            }

            public Health check() {
                return health;
            }
        };
    }

    private static String body(WebReply r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void all_up_is_200_with_each_check_named() {
        try (HealthEndpoint endpoint = new HealthEndpoint(Set.of(check("database", Health.up("ok")), check("panels", Health.up("2 \"fine\""))),
                Duration.ofSeconds(1))) {
            WebReply r = endpoint.handle(GET);
            assertThat(r.status()).isEqualTo(200);
            assertThat(body(r)).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":{\"status\":\"UP\",\"detail\":\"ok\"},"
                    + "\"panels\":{\"status\":\"UP\",\"detail\":\"2 \\\"fine\\\"\"}}}\n");
        }
    }

    @Test
    void a_failing_panel_degrades_but_stays_200_so_nobody_restarts_the_bot_for_it() {
        try (HealthEndpoint endpoint = new HealthEndpoint(Set.of(check("database", Health.up("ok")),
                check("panels", Health.degraded("server 2 failing"))), Duration.ofSeconds(1))) {
            WebReply r = endpoint.handle(GET);
            assertThat(r.status()).isEqualTo(200);
            assertThat(body(r)).startsWith("{\"status\":\"DEGRADED\"");
        }
    }

    @Test
    void a_check_that_is_down_or_hangs_makes_it_503() {
        HealthCheck hanging = new HealthCheck() {
            public String name() {
                return "database";
            }

            public Health check() {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Health.up("too late");
            }
        };
        try (HealthEndpoint endpoint = new HealthEndpoint(Set.of(hanging, check("panels", Health.up("ok"))), Duration.ofMillis(200))) {
            long start = System.nanoTime();
            WebReply r = endpoint.handle(GET);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(r.status()).isEqualTo(503);
            assertThat(body(r)).contains("\"database\":{\"status\":\"DOWN\",\"detail\":\"no answer within 200 ms\"}");
        }
    }
}
