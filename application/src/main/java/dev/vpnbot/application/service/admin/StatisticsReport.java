package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Gathers the admin's statistics screen. */
public final class StatisticsReport implements ShowStatisticsUseCase {
    private final Admins admins;
    private final ShopFigures figures;
    private final Servers servers;
    private final Clock clock;

    public StatisticsReport(Admins admins, ShopFigures figures, Servers servers, Clock clock) {
        this.admins = admins;
        this.figures = figures;
        this.servers = servers;
        this.clock = clock;
    }

    @Override
    public ShopStatistics statistics(UserId actor) {
        admins.require(actor);
        Instant now = clock.instant();
        return new ShopStatistics(
                figures.countUsers(),
                figures.countActiveKeys(now),
                figures.countKeysExpiringBetween(now, now.plus(Duration.ofDays(3))),
                figures.revenueSince(now.minus(Duration.ofDays(1))),
                figures.revenueSince(now.minus(Duration.ofDays(7))),
                figures.revenueSince(now.minus(Duration.ofDays(30))),
                servers.all().stream()
                        .map(s -> new ServerLoad(s.id(), s.name(), s.active(), s.activeKeys(), s.maxClients()))
                        .toList());
    }
}
