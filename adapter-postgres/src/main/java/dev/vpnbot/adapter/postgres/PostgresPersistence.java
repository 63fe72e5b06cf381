package dev.vpnbot.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.port.out.balance.TopUps;
import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollments;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL adapter as bootstrap sees it: a connection pool, the schema migrations, and one
 * repository per outgoing port, all sharing one unit of work ({@link #transactions()}).
 *
 * <p>Two ways to start. {@link #open} migrates the schema and then serves, with one login for
 * both (simple installs). For least privilege, run {@link #migrate} with the owner's login and
 * {@link #grantRuntimeRole} once, then {@link #connect} with the runtime role's login: it only
 * reads and writes rows, and refuses to start on a schema that is not current.
 */
public final class PostgresPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPersistence.class);

    /** Panels one instance may be writing to at the same moment (one lock connection each). */
    private static final int PANEL_LOCK_CONNECTIONS = 10;

    private final HikariDataSource pool;
    private HikariDataSource lockPool;
    private final Database db;
    private final Users users;
    private final Tariffs tariffs;
    private final TariffLimitBook tariffLimits;
    private final dev.vpnbot.application.port.out.TrafficPacks trafficPacks;
    private final NewKeys newKeys;
    private final MonthlyResets monthlyResets;
    private final Servers servers;
    private final Keys keys;
    private final Orders orders;
    private final PaymentEvents paymentEvents;
    private final StarPayments starPayments;
    private final FulfilmentJobs fulfilmentJobs;
    private final OrderNotices orderNotices;
    private final ConversationStates conversationStates;
    private final SentNotifications sentNotifications;
    private final PromoCodes promoCodes;
    private final Gifts gifts;
    private final Transactions transactions;
    private final ShopFigures shopFigures;
    private final Broadcasts broadcasts;
    private final Audiences audiences;
    private final SalesSwitch salesSwitch;
    private final BanHolds banHolds;
    private final VpnApps vpnApps;
    private final MigrationReport migration;
    private final EnrollmentTokens enrollmentTokens;
    private final QueuedEnrollments queuedEnrollments;
    private final PostgresSubscriptionTokens subscriptionTokens;
    private final LinkResets linkResets;
    private final Placements placements;
    private final ServerGroups serverGroups;
    private final Balances balances;
    private final TopUps topUps;
    private final AutoRenewals autoRenewals;
    private final dev.vpnbot.application.port.out.growth.Trials trials;
    private final dev.vpnbot.application.port.out.growth.Referrals referrals;
    private final dev.vpnbot.application.port.out.growth.GrowthFlags growthFlags;

    private PostgresPersistence(HikariDataSource pool, DatabaseSettings settings, SecretBox secrets, Clock clock,
                                MigrationReport migration) {
        this.pool = pool;
        this.migration = migration;
        this.db = new Database(pool, settings);
        this.users = new PostgresUsers(db);
        this.tariffs = new PostgresTariffs(db);
        this.tariffLimits = new PostgresTariffLimits(db);
        this.trafficPacks = new PostgresTrafficPacks(db);
        this.newKeys = new PostgresNewKeys(db);
        this.monthlyResets = new PostgresMonthlyResets(db);
        this.servers = new PostgresServers(db, secrets, clock);
        this.keys = new PostgresKeys(db);
        this.orders = new PostgresOrders(db);
        this.paymentEvents = new PostgresPaymentEvents(db);
        this.starPayments = new PostgresStarPayments(db);
        this.fulfilmentJobs = new PostgresFulfilmentJobs(db);
        this.orderNotices = new PostgresOrderNotices(db);
        this.conversationStates = new PostgresConversationStates(db);
        this.sentNotifications = new PostgresSentNotifications(db);
        this.promoCodes = new PostgresPromoCodes(db);
        this.gifts = new PostgresGifts(db);
        this.transactions = new PostgresTransactions(db);
        this.shopFigures = new PostgresShopFigures(db);
        this.broadcasts = new PostgresBroadcasts(db);
        this.audiences = new PostgresAudiences(db);
        this.enrollmentTokens = new PostgresEnrollmentTokens(db);
        this.queuedEnrollments = new PostgresQueuedEnrollments(db);
        this.salesSwitch = new PostgresSalesSwitch(db);
        this.banHolds = new PostgresBanHolds(db);
        this.vpnApps = new PostgresVpnApps(db);
        this.subscriptionTokens = new PostgresSubscriptionTokens(db, secrets);
        this.linkResets = new PostgresLinkResets(db, clock);
        this.placements = new PostgresPlacements(db);
        this.serverGroups = new PostgresServerGroups(db);
        this.balances = new PostgresBalances(db);
        this.topUps = new PostgresTopUps(db);
        this.autoRenewals = new PostgresAutoRenewals(db);
        this.trials = new PostgresTrials(db);
        this.referrals = new PostgresReferrals(db);
        this.growthFlags = new PostgresGrowthFlags(db);
    }

    /** Migrates the schema, then serves with the same login. */
    public static PostgresPersistence open(DatabaseSettings settings, byte[] secretKey, Clock clock) {
        return start(settings, secretKey, clock, true, null);
    }

    public static PostgresPersistence open(DatabaseSettings settings, byte[] secretKey) {
        return open(settings, secretKey, Clock.systemUTC());
    }

    /**
     * Serves without touching the schema (the runtime role may not). Refuses to start when the
     * schema lacks migrations this build has, naming the fix.
     */
    public static PostgresPersistence connect(DatabaseSettings settings, byte[] secretKey, Clock clock) {
        return start(settings, secretKey, clock, false, null);
    }

    public static PostgresPersistence connect(DatabaseSettings settings, byte[] secretKey) {
        return connect(settings, secretKey, Clock.systemUTC());
    }

    /** Like {@link #open}, with SQL run on every new connection (tests use it to pick a session time zone). */
    static PostgresPersistence open(DatabaseSettings settings, byte[] secretKey, Clock clock, String connectionInitSql) {
        return start(settings, secretKey, clock, true, connectionInitSql);
    }

    private static PostgresPersistence start(DatabaseSettings settings, byte[] secretKey, Clock clock, boolean migrate,
                                             String connectionInitSql) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        SecretBox secrets = new SecretBox(secretKey); // a bad key fails before any connection is made
        MigrationReport report = migrate ? PostgresConnections.migrate(settings) : null;
        if (report != null) LOG.info("database {}: {}", settings.target(), report);
        HikariDataSource pool;
        try {
            pool = PostgresConnections.pool(settings, settings.maxPoolSize(), connectionInitSql);
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.clarify(e, settings);
        }
        try {
            if (!migrate) PostgresConnections.requireCurrentSchema(pool, settings);
            return new PostgresPersistence(pool, settings, secrets, clock, report);
        } catch (RuntimeException e) {
            pool.close();
            throw DatabaseUnavailable.clarify(e, settings);
        }
    }

    /**
     * Applies the migrations this build has and the schema lacks, as the login in
     * {@code owner} (which must be allowed to create tables in the schema). Safe to run from
     * several instances at once: Flyway serialises them with an advisory lock.
     */
    public static MigrationReport migrate(DatabaseSettings owner) {
        return PostgresConnections.migrate(owner);
    }

    /**
     * Grants {@code role} what the bot needs at run time and nothing more: USAGE on the schema,
     * SELECT/INSERT/UPDATE/DELETE on its tables, USAGE/SELECT on its sequences (read-only on the
     * migration history), also for tables later migrations add. Run as the schema owner, after
     * {@link #migrate}. The role itself is created by the database administrator (see
     * docs/DATABASE.md). Idempotent.
     */
    public void grantRuntimeRole(String role) {
        run(runtimeRoleStatements(db.settings().schema(), role));
        LOG.info("granted runtime privileges on schema {} to role {}", db.settings().schema(), role);
    }

    /**
     * {@link #grantRuntimeRole} without opening the bot's pool (and without its secret key): for
     * {@code vpnbot migrate --grant-runtime-role}, run with the owner's login right after {@link #migrate}.
     */
    public static void grantRuntimeRole(DatabaseSettings owner, String role) {
        PostgresConnections.grant(owner, runtimeRoleStatements(owner.schema(), role), role);
        LOG.info("granted runtime privileges on schema {} to role {}", owner.schema(), role);
    }

    /** The statements {@link #grantRuntimeRole} runs, for documentation and for DBAs who run them by hand. */
    public static List<String> runtimeRoleStatements(String schema, String role) {
        return RoleGrants.statements("runtime-role.sql", schema, role);
    }

    /**
     * Grants a node's {@code role} the database route and nothing else: INSERT of the request
     * columns of {@code node_enrollments}. Run as the schema owner, after {@link #migrate}. Idempotent.
     */
    public void grantEnrollmentRole(String role) {
        run(enrollmentRoleStatements(db.settings().schema(), role));
        LOG.info("granted the enrolment route on schema {} to role {}", db.settings().schema(), role);
    }

    /** The statements {@link #grantEnrollmentRole} runs (docs/NODES.md shows them). */
    public static List<String> enrollmentRoleStatements(String schema, String role) {
        return RoleGrants.statements("enrollment-role.sql", schema, role);
    }

    private void run(List<String> statements) {
        transactions.run(() -> db.withHandle(h -> {
            statements.forEach(h::execute);
            return null;
        }));
    }

    /** Checks the database answers; throws {@link DatabaseUnavailable} when it does not. */
    /** What {@link #open} migrated; empty after {@link #connect}, which never touches the schema. */
    public java.util.Optional<MigrationReport> migrationReport() {
        return java.util.Optional.ofNullable(migration);
    }

    /** The pool, for health checks that want a connection of their own. */
    public DataSource dataSource() { return pool; }

    public void ping() {
        db.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    public Users users() { return users; }

    /** The free trials taken (docs/GROWTH.md). */
    public dev.vpnbot.application.port.out.growth.Trials trials() { return trials; }

    /** Invitation codes, invitations and their rewards. */
    public dev.vpnbot.application.port.out.growth.Referrals referrals() { return referrals; }

    /** Servers for trials, once-per-user tariffs. */
    public dev.vpnbot.application.port.out.growth.GrowthFlags growthFlags() { return growthFlags; }
    public SalesSwitch salesSwitch() { return salesSwitch; }
    public BanHolds banHolds() { return banHolds; }
    public VpnApps vpnApps() { return vpnApps; }
    public Tariffs tariffs() { return tariffs; }

    /** Keys due for their monthly traffic reset. */
    public MonthlyResets monthlyResets() { return monthlyResets; }

    /** Active keys by the time they were made. */
    public NewKeys newKeys() { return newKeys; }

    /** The tariffs' device and traffic limits. */
    public TariffLimitBook tariffLimits() { return tariffLimits; }

    /** Traffic packs: tariffs that add GB to a key, and the packs each key got. */
    public dev.vpnbot.application.port.out.TrafficPacks trafficPacks() { return trafficPacks; }
    public Servers servers() { return servers; }
    public Keys keys() { return keys; }
    public SubscriptionTokens subscriptionTokens() { return subscriptionTokens; }

    /** Fills the subscription token hashes keys do not have yet, {@code batch} keys per transaction. */
    public TokenHashBackfill tokenHashBackfill(int batch) { return new TokenHashBackfill(db, subscriptionTokens, batch); }
    public LinkResets linkResets() { return linkResets; }
    public Placements placements() { return placements; }
    public ServerGroups serverGroups() { return serverGroups; }

    /** The balance ledger (docs/BALANCE.md). */
    public Balances balances() { return balances; }
    public TopUps topUps() { return topUps; }
    public AutoRenewals autoRenewals() { return autoRenewals; }
    public Orders orders() { return orders; }
    public PaymentEvents paymentEvents() { return paymentEvents; }
    public StarPayments starPayments() { return starPayments; }
    public FulfilmentJobs fulfilmentJobs() { return fulfilmentJobs; }
    public OrderNotices orderNotices() { return orderNotices; }
    public ConversationStates conversationStates() { return conversationStates; }
    public SentNotifications sentNotifications() { return sentNotifications; }
    public PromoCodes promoCodes() { return promoCodes; }
    public Gifts gifts() { return gifts; }
    public ShopFigures shopFigures() { return shopFigures; }
    public Broadcasts broadcasts() { return broadcasts; }
    public Audiences audiences() { return audiences; }
    public EnrollmentTokens enrollmentTokens() { return enrollmentTokens; }
    public QueuedEnrollments queuedEnrollments() { return queuedEnrollments; }
    public Transactions transactions() { return transactions; }

    /** One writer per panel across every instance on this database (advisory locks). */
    public synchronized PanelWriteLock panelWriteLock(Duration wait) {
        if (lockPool == null) {
            // a pool of its own, opened on demand: a hanging panel holds its lock connection for the
            // length of its timeouts, and must not take connections from webhooks and the bot's screens
            lockPool = new HikariDataSource(PostgresConnections.config("vpnbot-panel-locks", db.settings(), PANEL_LOCK_CONNECTIONS, 0, null));
        }
        return new PostgresPanelWriteLock(lockPool, wait);
    }

    /** Keys moving between servers (V22, docs/MOVES.md); the store holds no state of its own. */
    public dev.vpnbot.application.port.out.move.KeyMoves keyMoves() { return new PostgresKeyMoves(db); }

    /** Evacuations of servers (V23, docs/MOVES.md); stateless like {@link #keyMoves()}. */
    public dev.vpnbot.application.port.out.move.Evacuations evacuations() { return new PostgresEvacuations(db); }

    /** For tests in this package: the handle plumbing. */
    Database database() {
        return db;
    }

    /** Closes the pool; waits for connections in use to come back. */
    @Override
    public synchronized void close() {
        if (lockPool != null) lockPool.close();
        pool.close();
    }
}
