package dev.vpnbot.bootstrap.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** /healthz tells the truth: whether anything can be sold, and which panel fails, by name and never by URL. */
class SalesAndPanelHealthTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryServers servers = new InMemoryServers(new InMemoryKeys(), clock);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final SalesHealth sales = new SalesHealth(servers, notifier);

    @Test
    void no_server_that_can_sell_degrades_health_and_alerts_the_admins_once_per_fall() {
        assertThat(sales.check()).isEqualTo(Health.degraded("no server can sell: none has been added (vpnbot server add, or /admin in Telegram)"));
        sales.watch();
        sales.watch();
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.SALES_IMPOSSIBLE);

        Server helsinki = ServerMother.server(1, "helsinki");
        servers.save(helsinki);
        sales.watch();
        assertThat(sales.check()).isEqualTo(Health.up("1 server(s) selling, 100 free slot(s)"));
        assertThat(notifier.alerts()).hasSize(1);

        servers.save(helsinki.withActive(false));
        sales.watch();
        sales.watch();
        assertThat(sales.check().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(notifier.alerts()).hasSize(2);
        assertThat(notifier.alerts().get(1).detail()).isEqualTo("no server can sell: switched off: 'helsinki'");
    }

    @Test
    void panel_health_names_the_server_and_never_shows_its_panel_url() {
        PanelHealth health = new PanelHealth(clock);
        Server riga = new Server(new ServerId(2), "riga", ServerMother.panel("https://203.0.113.7:2053/Xq9secretPath/"), 1, true, 10, 0);

        health.failed(riga, new PanelException(PanelFault.UNREACHABLE,
                "panel riga (https://203.0.113.7:2053/Xq9secretPath/) did not answer POST https://203.0.113.7:2053/Xq9secretPath/login"));

        Health degraded = health.check();
        assertThat(degraded.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(degraded.detail()).contains("server 2 'riga'").contains("UNREACHABLE")
                .doesNotContain("Xq9secretPath").doesNotContain("203.0.113.7");
    }
}
