package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import java.util.Objects;

/**
 * The use cases behind the admin screens. Each one checks its caller itself; the screens are
 * shown only to {@code TelegramSettings.adminIds()} as well, so both lists must come from the
 * same configuration.
 *
 * @param stars Stars payments on the user card and their refunds; null while Stars are off
 * @param apps  the app list's screen; null: no such screen
 */
public record AdminUseCases(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                            BroadcastUseCase broadcasts, ManageUsersUseCase users, IssueEnrollmentTokenUseCase enrollmentTokens,
                            BanUsersUseCase bans, StarsRefundUseCase stars, ManageAppsUseCase apps) {
    public AdminUseCases {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(tariffs, "tariffs");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(broadcasts, "broadcasts");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(enrollmentTokens, "enrollmentTokens");
        Objects.requireNonNull(bans, "bans");
    }

    public AdminUseCases(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                         BroadcastUseCase broadcasts, ManageUsersUseCase users, IssueEnrollmentTokenUseCase enrollmentTokens,
                         BanUsersUseCase bans) {
        this(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, null, null);
    }

    public AdminUseCases withStars(StarsRefundUseCase starsRefunds) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, starsRefunds, apps);
    }

    public AdminUseCases withApps(ManageAppsUseCase appList) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, appList);
    }
}
