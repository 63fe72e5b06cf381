package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import java.util.Objects;

/**
 * The use cases behind the admin screens. Each one checks its caller itself; the screens are
 * shown only to {@code TelegramSettings.adminIds()} as well, so both lists must come from the
 * same configuration.
 *
 * @param stars Stars payments on the user card and their refunds; null while Stars are off
 * @param promoCodes the promo codes screen; null: not shown
 * @param balances the users' ledgers and manual entries; null: no ledger screens
 * @param tariffLimits the tariff card's device and traffic limits; null: not shown
 * @param growth servers for trials, once-per-user tariffs, trial and referral figures; null: not shown
 * @param apps  the app list's screen; null: no such screen
 * @param serverGroups the server groups screen; null: it says it is not available
 * @param evacuations "Evacuate" on the server card (docs/MOVES.md); null: no button
 */
public record AdminUseCases(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                            BroadcastUseCase broadcasts, ManageUsersUseCase users, IssueEnrollmentTokenUseCase enrollmentTokens,
                            BanUsersUseCase bans, StarsRefundUseCase stars, ManagePromoCodesUseCase promoCodes,
                            ManageBalancesUseCase balances, SetTariffLimitsUseCase tariffLimits,
                            ManageGrowthUseCase growth, ManageAppsUseCase apps,
                            dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase serverGroups,
                            dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuations) {
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
        this(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, null, null, null, null, null, null, null, null);
    }

    /** Without promo codes. */
    public AdminUseCases(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                         BroadcastUseCase broadcasts, ManageUsersUseCase users, IssueEnrollmentTokenUseCase enrollmentTokens,
                         BanUsersUseCase bans, StarsRefundUseCase stars) {
        this(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, null, null, null, null, null, null, null);
    }

    /** The same use cases with the promo codes screen. */
    public AdminUseCases withPromoCodes(ManagePromoCodesUseCase codes) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, codes, balances, tariffLimits, growth, apps, serverGroups, evacuations);
    }

    /** The same use cases with the users' ledgers. */
    public AdminUseCases withBalances(ManageBalancesUseCase ledgers) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, promoCodes, ledgers, tariffLimits, growth, apps, serverGroups, evacuations);
    }

    public AdminUseCases withTariffLimits(SetTariffLimitsUseCase limits) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, promoCodes, balances, limits, growth, apps, serverGroups, evacuations);
    }

    public AdminUseCases withGrowth(ManageGrowthUseCase manageGrowth) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, promoCodes, balances,
                tariffLimits, manageGrowth, apps, serverGroups, evacuations);
    }

    public AdminUseCases withApps(ManageAppsUseCase appList) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, promoCodes, balances,
                tariffLimits, growth, appList, serverGroups, evacuations);
    }

    /** The same use cases with "Evacuate" on the server card. */
    public AdminUseCases withEvacuations(dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuate) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, promoCodes, balances,
                tariffLimits, growth, apps, serverGroups, evacuate);
    }

    public AdminUseCases withStars(StarsRefundUseCase starsRefunds) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, starsRefunds, promoCodes, balances, tariffLimits, growth, apps, serverGroups, evacuations);
    }

    /** The same use cases with the server groups screen. */
    public AdminUseCases withServerGroups(dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase groups) {
        return new AdminUseCases(servers, tariffs, statistics, broadcasts, users, enrollmentTokens, bans, stars, promoCodes, balances,
                tariffLimits, growth, apps, groups, evacuations);
    }
}
