package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.application.model.statistics.Revenue;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/** Use case (admins only): how the shop is doing. Periods are rolling: last 24 h, 7 days, 30 days. */
public interface ShowStatisticsUseCase {

    record ServerLoad(ServerId id, String name, boolean active, int activeKeys, int maxClients) {}

    record ShopStatistics(long users, long activeKeys, long keysExpiringWithin3Days,
                          Revenue lastDay, Revenue lastWeek, Revenue lastMonth, List<ServerLoad> servers) {}

    ShopStatistics statistics(UserId actor);
}
