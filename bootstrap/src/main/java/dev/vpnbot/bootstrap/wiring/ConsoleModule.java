package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.service.admin.ServerGroupAdministration;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.subscription.LinkReset;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.service.admin.TariffLimitSetting;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.application.service.admin.AppCatalogue;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.DatabaseBackups;
import dev.vpnbot.application.service.admin.DatabaseBackups.BackupPolicy;
import dev.vpnbot.application.service.admin.ServerAdministration;
import dev.vpnbot.application.service.admin.TariffAdministration;
import dev.vpnbot.application.service.admin.UserBans;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.BackupConfig;
import dev.vpnbot.bootstrap.config.OperatorConfig;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * The operator commands' small world: the database, the panels, and the same server and tariff
 * use cases the Telegram admin panel uses, with the person at the console as their admin.
 */
public final class ConsoleModule extends AbstractModule {
    /** The operator at the console. Not a Telegram user: Telegram ids stay far below this. */
    public static final UserId CONSOLE = new UserId(Long.MAX_VALUE);

    @Override
    protected void configure() {
        Autowire.singleton(binder(), ServerAdministration.class, ManageServersUseCase.class);
        Autowire.singleton(binder(), TariffAdministration.class, ManageTariffsUseCase.class);
        Autowire.singleton(binder(), TariffLimitSetting.class, SetTariffLimitsUseCase.class);
        // The operator's `vpnbot app …` commands.
        Autowire.singleton(binder(), AppCatalogue.class, ManageAppsUseCase.class);
        // `vpnbot group …` and `vpnbot tariff set-group`.
        Autowire.singleton(binder(), ServerGroupAdministration.class, ManageServerGroupsUseCase.class);
        // `vpnbot growth`: servers for trials, once-per-user tariffs, trial and referral figures.
        Autowire.singleton(binder(), dev.vpnbot.application.service.growth.GrowthAdministration.class, dev.vpnbot.application.port.in.growth.ManageGrowthUseCase.class);
    }

    /** The modules an operator command needs, around the configuration module. */
    public static List<AbstractModule> operatorCommand() {
        return List.of(new ConsoleModule(), new PostgresModule(), new PanelModule(), new OutboundHttpModule());
    }

    /** Closes what an operator command opened: the panels, then their shared HTTP client, then the database pool. */
    public static void close(Injector injector) {
        injector.getInstance(ThreeXuiPanel.class).close();
        OutboundHttpModule.close(injector.getInstance(OkHttpClient.class));
        injector.getInstance(PostgresPersistence.class).close();
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    Admins console() {
        return new Admins(Set.of(CONSOLE));
    }

    /** `vpnbot backup`: a backup kept in BACKUP_DIR with the same retention; the running bot sends its scheduled ones. */
    @Provides
    @Singleton
    BackUpDatabaseUseCase backups(DatabaseDumps dumps, Clock clock, AppConfig config) {
        BackupConfig backup = config.backup();
        return new DatabaseBackups(dumps, clock, new BackupPolicy(backup.directory(), backup.keep(), backup.maxBytes()));
    }

    /** The console bans; the bot's admins (ADMIN_IDS) cannot be banned from here either. */
    @Provides
    @Singleton
    BanUsersUseCase bans(Admins console, OperatorConfig operator, Users users, Keys keys, Servers servers, Transactions tx,
                         @Undecorated VpnPanel panel, Placements placements, BanHolds holds, Clock clock) {
        Admins botAdmins = new Admins(operator.adminIds().stream().map(UserId::new).collect(Collectors.toSet()));
        return new UserBans(console, botAdmins, users, keys, servers, tx, panel, holds, clock, placements);
    }

    /** `vpnbot key reset-link`: the console resets as an admin; the running bot's job finishes what a panel outage left. */
    @Provides
    @Singleton
    ResetLinkUseCase linkReset(Keys keys, Servers servers, SubscriptionTokens tokens, LinkResets resets, @Undecorated VpnPanel panel,
                               Transactions tx, Admins console, Placements placements) {
        return new LinkReset(keys, servers, tokens, resets, panel, tx, console, PurchaseSettings.defaults(), new Nonces(), placements);
    }

    @Provides
    @Singleton
    dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase promoCodes(Admins admins,
            dev.vpnbot.application.port.out.codes.PromoCodes codes, Tariffs tariffs, Transactions tx, Clock clock) {
        return CodesModule.administration(admins, codes, tariffs, tx, clock);
    }

    /** `vpnbot balance …`: the ledger and manual entries; the audit alert goes to the log (the bot's admins see the entry in the ledger). */
    @Provides
    @Singleton
    dev.vpnbot.application.port.in.admin.ManageBalancesUseCase balances(Admins admins, Tariffs tariffs, Users users, Transactions tx, Clock clock,
                          dev.vpnbot.application.port.out.balance.Balances balances,
                          dev.vpnbot.application.port.out.balance.AutoRenewals renewals) {
        var book = new dev.vpnbot.application.service.balance.BalanceBook(balances, new dev.vpnbot.application.service.balance.ShopCurrency(tariffs));
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("dev.vpnbot.audit");
        return new dev.vpnbot.application.service.balance.BalanceAdministration(book, balances, renewals, users,
                alert -> log.warn("{}: {}", alert.kind(), alert.detail()), tx, clock, admins);
    }

    /**
     * `vpnbot server evacuate`: starts an evacuation and reads its progress; the running bot's jobs plan
     * and move the keys and tell their owners (the console messages nobody).
     */
    @Provides
    @Singleton
    dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuate(Admins console, Keys keys, Placements placements, Servers servers,
            LinkResets resets, dev.vpnbot.application.port.out.move.KeyMoves moves,
            dev.vpnbot.application.port.out.move.Evacuations evacuations, dev.vpnbot.application.port.out.ServerGroups groups,
            @Undecorated VpnPanel panel, Transactions tx, Clock clock) {
        ConsoleAlerts alerts = new ConsoleAlerts();
        var placing = new dev.vpnbot.application.service.fulfilment.KeyPlacing(placements, groups, servers, panel, alerts,
                PurchaseSettings.defaults());
        var all = new dev.vpnbot.application.service.move.Moves(new dev.vpnbot.application.service.move.Moves.Ports(keys, placements,
                servers, resets, moves, placing, panel, tx, clock), dev.vpnbot.application.service.move.MoveSettings.defaults(), m -> { });
        return new dev.vpnbot.application.service.move.ServerEvacuation(all, console, servers, keys, moves, evacuations, tx, alerts, clock);
    }

    @Provides
    @Singleton
    IssueEnrollmentTokenUseCase enrollmentTokens(Admins admins, EnrollmentTokens tokens, Clock clock) {
        return EnrollmentModule.issuing(admins, tokens, clock);
    }
}
