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
import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The use cases behind the admin screens. Each one checks its caller itself; the screens are
 * shown only to {@code TelegramSettings.adminIds()} as well, so both lists must come from the
 * same configuration. The seven every admin panel has come through the constructor; the optional
 * ones (a screen or button is left out while its use case is missing) are added with their
 * {@code with…} and kept by the interface they implement, so a new screen adds a getter and a
 * {@code with…} and touches no other line.
 */
public final class AdminUseCases {
    private final ManageServersUseCase servers;
    private final ManageTariffsUseCase tariffs;
    private final ShowStatisticsUseCase statistics;
    private final BroadcastUseCase broadcasts;
    private final ManageUsersUseCase users;
    private final IssueEnrollmentTokenUseCase enrollmentTokens;
    private final BanUsersUseCase bans;
    private final Map<Class<?>, Object> optional;

    public AdminUseCases(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                         BroadcastUseCase broadcasts, ManageUsersUseCase users, IssueEnrollmentTokenUseCase enrollmentTokens,
                         BanUsersUseCase bans) {
        this.servers = Objects.requireNonNull(servers, "servers");
        this.tariffs = Objects.requireNonNull(tariffs, "tariffs");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.broadcasts = Objects.requireNonNull(broadcasts, "broadcasts");
        this.users = Objects.requireNonNull(users, "users");
        this.enrollmentTokens = Objects.requireNonNull(enrollmentTokens, "enrollmentTokens");
        this.bans = Objects.requireNonNull(bans, "bans");
        this.optional = Map.of();
    }

    private AdminUseCases(AdminUseCases base, Map<Class<?>, Object> optional) {
        this.servers = base.servers;
        this.tariffs = base.tariffs;
        this.statistics = base.statistics;
        this.broadcasts = base.broadcasts;
        this.users = base.users;
        this.enrollmentTokens = base.enrollmentTokens;
        this.bans = base.bans;
        this.optional = Map.copyOf(optional);
    }

    /** The same use cases with {@code useCase} as the optional one of its type (null: without). */
    private <T> AdminUseCases with(Class<T> type, T useCase) {
        Map<Class<?>, Object> changed = new HashMap<>(optional);
        if (useCase == null) changed.remove(type);
        else changed.put(type, useCase);
        return new AdminUseCases(this, changed);
    }

    private <T> T optional(Class<T> type) {
        return type.cast(optional.get(type));
    }

    public ManageServersUseCase servers() {
        return servers;
    }

    public ManageTariffsUseCase tariffs() {
        return tariffs;
    }

    public ShowStatisticsUseCase statistics() {
        return statistics;
    }

    public BroadcastUseCase broadcasts() {
        return broadcasts;
    }

    public ManageUsersUseCase users() {
        return users;
    }

    public IssueEnrollmentTokenUseCase enrollmentTokens() {
        return enrollmentTokens;
    }

    public BanUsersUseCase bans() {
        return bans;
    }

    /** Stars payments on the user card and their refunds; null while Stars are off. */
    public StarsRefundUseCase stars() {
        return optional(StarsRefundUseCase.class);
    }

    public AdminUseCases withStars(StarsRefundUseCase starsRefunds) {
        return with(StarsRefundUseCase.class, starsRefunds);
    }

    /** The promo codes screen; null: not shown. */
    public ManagePromoCodesUseCase promoCodes() {
        return optional(ManagePromoCodesUseCase.class);
    }

    public AdminUseCases withPromoCodes(ManagePromoCodesUseCase codes) {
        return with(ManagePromoCodesUseCase.class, codes);
    }

    /** The users' ledgers and manual entries; null: no ledger screens. */
    public ManageBalancesUseCase balances() {
        return optional(ManageBalancesUseCase.class);
    }

    public AdminUseCases withBalances(ManageBalancesUseCase ledgers) {
        return with(ManageBalancesUseCase.class, ledgers);
    }

    /** The tariff card's device and traffic limits; null: not shown. */
    public SetTariffLimitsUseCase tariffLimits() {
        return optional(SetTariffLimitsUseCase.class);
    }

    public AdminUseCases withTariffLimits(SetTariffLimitsUseCase limits) {
        return with(SetTariffLimitsUseCase.class, limits);
    }

    /** Servers for trials, once-per-user tariffs, trial and referral figures; null: not shown. */
    public ManageGrowthUseCase growth() {
        return optional(ManageGrowthUseCase.class);
    }

    public AdminUseCases withGrowth(ManageGrowthUseCase manageGrowth) {
        return with(ManageGrowthUseCase.class, manageGrowth);
    }

    /** The app list's screen; null: no such screen. */
    public ManageAppsUseCase apps() {
        return optional(ManageAppsUseCase.class);
    }

    public AdminUseCases withApps(ManageAppsUseCase appList) {
        return with(ManageAppsUseCase.class, appList);
    }

    /** The server groups screen; null: it says it is not available. */
    public ManageServerGroupsUseCase serverGroups() {
        return optional(ManageServerGroupsUseCase.class);
    }

    public AdminUseCases withServerGroups(ManageServerGroupsUseCase groups) {
        return with(ManageServerGroupsUseCase.class, groups);
    }

    /** "Evacuate" on the server card (docs/MOVES.md); null: no button. */
    public EvacuateServerUseCase evacuations() {
        return optional(EvacuateServerUseCase.class);
    }

    public AdminUseCases withEvacuations(EvacuateServerUseCase evacuate) {
        return with(EvacuateServerUseCase.class, evacuate);
    }
}
