package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.service.admin.TariffLimitSetting;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.application.service.admin.AppCatalogue;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.Broadcasting;
import dev.vpnbot.application.service.admin.DatabaseBackups;
import dev.vpnbot.application.service.admin.DatabaseBackups.BackupPolicy;
import dev.vpnbot.application.service.admin.ServerAdministration;
import dev.vpnbot.application.service.admin.StatisticsReport;
import dev.vpnbot.application.service.admin.TariffAdministration;
import dev.vpnbot.application.service.admin.UserAdministration;
import dev.vpnbot.application.service.admin.UserBans;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.BackupConfig;
import dev.vpnbot.bootstrap.config.OperatorConfig;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.stream.Collectors;

/** The admin use cases of {@code dev.vpnbot.application.port.in.admin}; admins are ADMIN_IDS. */
public final class AdminModule extends AbstractModule {
    /**
     * Broadcast messages under way at once, between two saves of the cursor: large enough that
     * the claims and the save between batches (a few hundred milliseconds) cost little of the
     * sender's budget (500 at 28/s is about 18 s).
     */
    static final int BROADCAST_BATCH = 500;

    @Override
    protected void configure() {
        Autowire.singleton(binder(), TariffAdministration.class, ManageTariffsUseCase.class);
        // Server groups and tariffs' groups (docs/SUBSCRIPTION.md); the console binds its own for `vpnbot group`.
        Autowire.singleton(binder(), dev.vpnbot.application.service.admin.ServerGroupAdministration.class, dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase.class);
        Autowire.singleton(binder(), TariffLimitSetting.class, SetTariffLimitsUseCase.class);
        Autowire.singleton(binder(), ServerAdministration.class, ManageServersUseCase.class);
        Autowire.singleton(binder(), StatisticsReport.class, ShowStatisticsUseCase.class);
        Autowire.singleton(binder(), UserAdministration.class, ManageUsersUseCase.class);
        Autowire.singleton(binder(), AppCatalogue.class, ManageAppsUseCase.class);
    }

    @Provides
    @Singleton
    Admins admins(OperatorConfig operator) {
        return new Admins(operator.adminIds().stream().map(UserId::new).collect(Collectors.toSet()));
    }

    @Provides
    @Singleton
    BroadcastUseCase broadcasts(Admins admins, Broadcasts broadcasts, Audiences audiences, BroadcastChannel channel, Users users,
                                SentNotifications ledger, Transactions tx, Clock clock) {
        return new Broadcasting(admins, broadcasts, audiences, channel, users, ledger, tx, clock, BROADCAST_BATCH);
    }

    /** Backups sent to BACKUP_CHAT_ID (or each admin's chat); admins hear of any not made or not sent. */
    @Provides
    @Singleton
    BackUpDatabaseUseCase backups(DatabaseDumps dumps, Clock clock, AppConfig config, BackupChannel channel, Notifier notifier) {
        BackupConfig backup = config.backup();
        return new DatabaseBackups(dumps, clock, new BackupPolicy(backup.directory(), backup.keep(), backup.maxBytes()))
                .deliveringTo(channel, notifier);
    }

    @Provides
    @Singleton
    BanUsersUseCase bans(Admins admins, Users users, Keys keys, Servers servers, Transactions tx, VpnPanel panel, BanHolds holds, Clock clock,
                         dev.vpnbot.application.port.out.Placements placements) {
        return new UserBans(admins, admins, users, keys, servers, tx, panel, holds, clock, placements);
    }
}
