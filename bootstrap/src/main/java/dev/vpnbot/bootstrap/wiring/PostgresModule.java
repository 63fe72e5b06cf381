package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoOptional;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.vpnbot.adapter.postgres.DatabaseCheckup;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PgDump;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.TokenHashBackfill;
import dev.vpnbot.application.port.out.admin.DatabaseDumps;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollments;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.health.DatabaseHealthCheck;
import dev.vpnbot.bootstrap.health.HealthCheck;
import dev.vpnbot.bootstrap.lifecycle.ManagedResource;
import dev.vpnbot.bootstrap.lifecycle.SchemaMigration;
import dev.vpnbot.bootstrap.metrics.OrderCounts;
import dev.vpnbot.bootstrap.schedule.StartupJob;
import java.time.Clock;
import java.time.Duration;

/**
 * The PostgreSQL adapter: every repository, the unit of work and the admin queries. The schema
 * is migrated when the pool opens (the injector is built eagerly, before anything is served),
 * so {@link SchemaMigration} reports what that did.
 */
public final class PostgresModule extends AbstractModule {

    /** Where and how to log in, as the PostgreSQL adapter takes it. */
    public static DatabaseSettings settings(DatabaseLocation location) {
        return new DatabaseSettings(location.jdbcUrl(), location.user(),
                location.password() == null ? null : location.password().reveal());
    }

    /**
     * Why the database could not be opened. Guice asks again for every binding that needs it; without
     * this, each would wait out the connection attempt again (20–50 s before the error showed).
     */
    private RuntimeException openFailure;

    /** pg_dump against the bot's database; a dump that takes half an hour is stopped and reported. */
    @Provides
    @Singleton
    DatabaseDumps dumps(DatabaseLocation location, AppConfig config) {
        return new PgDump(settings(location), config.backup().pgDump(), Duration.ofMinutes(30));
    }

    @Provides
    @Singleton
    synchronized PostgresPersistence persistence(DatabaseLocation location, AppConfig config, Clock clock) {
        if (openFailure != null) throw openFailure;
        if (config.secretKey() == null) {
            throw new IllegalStateException("SECRET_KEY is not set: it encrypts the panel passwords stored in the database");
        }
        try {
            DatabaseSettings settings = settings(location);
            byte[] key = SecretBox.parseKey(config.secretKey().reveal());
            // the owner's login migrates, then serves; the runtime role (rows only) serves a schema the owner migrated
            return DatabaseCheckup.mayChangeSchema(settings) ? PostgresPersistence.open(settings, key, clock)
                    : PostgresPersistence.connect(settings, key, clock);
        } catch (RuntimeException e) {
            openFailure = e;
            throw e;
        }
    }

    @Provides @Singleton Users users(PostgresPersistence db) { return db.users(); }
    @Provides @Singleton SalesSwitch salesSwitch(PostgresPersistence db) { return db.salesSwitch(); }
    @Provides @Singleton dev.vpnbot.application.port.out.growth.Trials trials(PostgresPersistence db) { return db.trials(); }
    @Provides @Singleton dev.vpnbot.application.port.out.growth.Referrals referrals(PostgresPersistence db) { return db.referrals(); }
    @Provides @Singleton dev.vpnbot.application.port.out.growth.GrowthFlags growthFlags(PostgresPersistence db) { return db.growthFlags(); }
    @Provides @Singleton BanHolds banHolds(PostgresPersistence db) { return db.banHolds(); }
    @Provides @Singleton VpnApps vpnApps(PostgresPersistence db) { return db.vpnApps(); }

    @Provides @Singleton Tariffs tariffs(PostgresPersistence db) { return db.tariffs(); }
    @Provides @Singleton TariffLimitBook tariffLimits(PostgresPersistence db) { return db.tariffLimits(); }
    @Provides @Singleton dev.vpnbot.application.port.out.TrafficPacks trafficPacks(PostgresPersistence db) { return db.trafficPacks(); }
    @Provides @Singleton NewKeys newKeys(PostgresPersistence db) { return db.newKeys(); }
    @Provides @Singleton MonthlyResets monthlyResets(PostgresPersistence db) { return db.monthlyResets(); }

    @Provides @Singleton Servers servers(PostgresPersistence db) { return db.servers(); }

    @Provides @Singleton Keys keys(PostgresPersistence db) { return db.keys(); }

    @Provides @Singleton SubscriptionTokens subscriptionTokens(PostgresPersistence db) { return db.subscriptionTokens(); }

    @Provides @Singleton LinkResets linkResets(PostgresPersistence db) { return db.linkResets(); }

    @Provides @Singleton Placements placements(PostgresPersistence db) { return db.placements(); }
    @Provides @Singleton dev.vpnbot.application.port.out.move.KeyMoves keyMoves(PostgresPersistence db) { return db.keyMoves(); }
    @Provides @Singleton dev.vpnbot.application.port.out.move.Evacuations evacuations(PostgresPersistence db) { return db.evacuations(); }

    @Provides @Singleton ServerGroups serverGroups(PostgresPersistence db) { return db.serverGroups(); }

    @Provides @Singleton Orders orders(PostgresPersistence db) { return db.orders(); }

    @Provides @Singleton PaymentEvents paymentEvents(PostgresPersistence db) { return db.paymentEvents(); }

    @Provides @Singleton StarPayments starPayments(PostgresPersistence db) { return db.starPayments(); }

    @Provides @Singleton dev.vpnbot.application.port.out.balance.Balances balances(PostgresPersistence db) { return db.balances(); }
    @Provides @Singleton dev.vpnbot.application.port.out.balance.TopUps topUps(PostgresPersistence db) { return db.topUps(); }
    @Provides @Singleton dev.vpnbot.application.port.out.balance.AutoRenewals autoRenewals(PostgresPersistence db) { return db.autoRenewals(); }

    @Provides @Singleton FulfilmentJobs fulfilmentJobs(PostgresPersistence db) { return db.fulfilmentJobs(); }

    @Provides @Singleton ConversationStates conversationStates(PostgresPersistence db) { return db.conversationStates(); }

    @Provides @Singleton SentNotifications sentNotifications(PostgresPersistence db) { return db.sentNotifications(); }
    @Provides @Singleton PromoCodes promoCodes(PostgresPersistence db) { return db.promoCodes(); }
    @Provides @Singleton dev.vpnbot.application.port.out.gifts.Gifts gifts(PostgresPersistence db) { return db.gifts(); }
    @Provides @Singleton OrderNotices orderNotices(PostgresPersistence db) { return db.orderNotices(); }

    @Provides @Singleton Transactions transactions(PostgresPersistence db) { return db.transactions(); }

    @Provides @Singleton ShopFigures shopFigures(PostgresPersistence db) { return db.shopFigures(); }

    @Provides @Singleton Broadcasts broadcasts(PostgresPersistence db) { return db.broadcasts(); }

    @Provides @Singleton Audiences audiences(PostgresPersistence db) { return db.audiences(); }

    @Provides @Singleton EnrollmentTokens enrollmentTokens(PostgresPersistence db) { return db.enrollmentTokens(); }

    @Provides @Singleton QueuedEnrollments queuedEnrollments(PostgresPersistence db) { return db.queuedEnrollments(); }

    /** One writer per panel across every instance on this database; a waiting instance gives up (and retries the job) after 20 s. */
    @Provides @Singleton PanelWriteLock panelWriteLock(PostgresPersistence db) { return db.panelWriteLock(Duration.ofSeconds(20)); }

    @Provides
    @Singleton
    SchemaMigration migration(PostgresPersistence db) {
        String report = db.migrationReport().map(Object::toString).orElse("schema left as it was");
        return () -> report;
    }

    @ProvidesIntoSet
    HealthCheck health(PostgresPersistence db) {
        return new DatabaseHealthCheck(db.dataSource());
    }

    @ProvidesIntoSet
    ManagedResource pool(PostgresPersistence db) {
        return new ManagedResource("database pool", ManagedResource.CloseOrder.STORAGE, db);
    }

    /** Keys without a subscription token hash (V8's, links never shown) get theirs after start, so "My keys" only reads. */
    @ProvidesIntoSet
    StartupJob tokenHashBackfill(PostgresPersistence db) {
        return new StartupJob("token_hash_backfill", db.tokenHashBackfill(TokenHashBackfill.DEFAULT_BATCH)::fillMissing);
    }

    @ProvidesIntoOptional(ProvidesIntoOptional.Type.ACTUAL)
    OrderCounts orderCounts(PostgresPersistence db) {
        return db.shopFigures()::countOrdersByStatus;
    }

    /** {@code vpnbot migrate}: only the migration, with no pool and no secret key. */
    public static final class MigrationOnly extends AbstractModule {
        @Provides
        @Singleton
        SchemaMigration migration(DatabaseLocation location) {
            return () -> PostgresPersistence.migrate(settings(location)).toString();
        }
    }
}
