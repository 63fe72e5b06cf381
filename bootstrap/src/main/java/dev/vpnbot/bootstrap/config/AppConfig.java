package dev.vpnbot.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the operator configures, typed and validated once at start-up. Secrets inside are
 * {@link Secret}s, so printing this record never shows one.
 *
 * @param dataDir           where the embedded database and other local state live
 * @param secretKey         encrypts panel passwords at rest; null only where none is read (migrate)
 * @param reconcileInterval how often waiting orders are checked with the gateway
 * @param panelDriftInterval how often the panels are compared with the database and repaired;
 *                          {@link Duration#ZERO} when the operator switched the repair off
 * @param warnings          things worth telling the operator that do not stop the bot
 * @param limits            per-user limits and the late-payment window
 * @param stars             Telegram Stars as a second way to pay
 * @param backup            database backups (scheduled only when BACKUP_INTERVAL is set)
 * @param subscription      how the bot's own subscription link presents itself
 * @param balance           auto-renew lead time and top-up presets
 * @param growth            the free trial and referrals (docs/GROWTH.md)
 * @param moves             moving keys between servers (docs/MOVES.md)
 */
public record AppConfig(TelegramConfig telegram, HttpConfig http, DatabaseConfig database, Path dataDir,
                        HeleketConfig heleket, OperatorConfig operator, Secret secretKey,
                        Duration reconcileInterval, Duration panelDriftInterval, List<String> warnings, ShopLimits limits,
                        StarsConfig stars, BackupConfig backup,
                        SubscriptionConfig subscription, BalanceConfig balance,
                        GrowthConfig growth, MovesConfig moves) {
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PANEL_DRIFT_INTERVAL = Duration.ofMinutes(10);

    public AppConfig {
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(heleket, "heleket");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reconcileInterval, "reconcileInterval");
        Objects.requireNonNull(panelDriftInterval, "panelDriftInterval");
        if (panelDriftInterval.isNegative()) throw new IllegalArgumentException("panel drift interval cannot be negative");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(stars, "stars");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(moves, "moves");
    }

    /** Without the moves' settings: their defaults. */
    public AppConfig(TelegramConfig telegram, HttpConfig http, DatabaseConfig database, Path dataDir,
                     HeleketConfig heleket, OperatorConfig operator, Secret secretKey,
                     Duration reconcileInterval, Duration panelDriftInterval, List<String> warnings, ShopLimits limits,
                     StarsConfig stars, BackupConfig backup, SubscriptionConfig subscription, BalanceConfig balance, GrowthConfig growth) {
        this(telegram, http, database, dataDir, heleket, operator, secretKey, reconcileInterval, panelDriftInterval, warnings,
                limits, stars, backup, subscription, balance, growth, MovesConfig.defaults());
    }

    /** With the balance's defaults. */
    public AppConfig(TelegramConfig telegram, HttpConfig http, DatabaseConfig database, Path dataDir,
                     HeleketConfig heleket, OperatorConfig operator, Secret secretKey,
                     Duration reconcileInterval, Duration panelDriftInterval, List<String> warnings, ShopLimits limits,
                     StarsConfig stars, BackupConfig backup, SubscriptionConfig subscription) {
        this(telegram, http, database, dataDir, heleket, operator, secretKey, reconcileInterval, panelDriftInterval, warnings,
                limits, stars, backup, subscription, BalanceConfig.defaults(), GrowthConfig.off());
    }

    /** With the default limits, without Telegram Stars and without scheduled backups, with the subscription link's defaults, for commands and tests that do not read them. */
    public AppConfig(TelegramConfig telegram, HttpConfig http, DatabaseConfig database, Path dataDir,
                     HeleketConfig heleket, OperatorConfig operator, Secret secretKey,
                     Duration reconcileInterval, Duration panelDriftInterval, List<String> warnings) {
        this(telegram, http, database, dataDir, heleket, operator, secretKey, reconcileInterval, panelDriftInterval, warnings,
                ShopLimits.defaults(), StarsConfig.off(), BackupConfig.off(dataDir), SubscriptionConfig.defaults());
    }

    /** The same configuration with another secret key (every other setting kept). */
    public AppConfig withSecretKey(Secret key) {
        return new AppConfig(telegram, http, database, dataDir, heleket, operator, key, reconcileInterval, panelDriftInterval, warnings,
                limits, stars, backup, subscription, balance, growth, moves);
    }

    public boolean panelDriftRepairOn() {
        return !panelDriftInterval.isZero();
    }
}
