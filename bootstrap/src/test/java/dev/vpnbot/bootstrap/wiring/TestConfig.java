package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.bootstrap.config.BackupConfig;
import dev.vpnbot.bootstrap.config.ShopLimits;
import dev.vpnbot.bootstrap.config.StarsConfig;
import dev.vpnbot.bootstrap.config.SubscriptionConfig;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.DatabaseConfig;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.IpRanges;
import dev.vpnbot.bootstrap.config.OperatorConfig;
import dev.vpnbot.bootstrap.config.Secret;
import dev.vpnbot.bootstrap.config.TelegramConfig;
import dev.vpnbot.bootstrap.config.TelegramMode;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.domain.user.Language;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A configuration for wiring tests: HTTP on a free port, nothing outside contacted. */
public final class TestConfig {
    public static final DatabaseLocation NO_DATABASE = new DatabaseLocation("jdbc:postgresql://127.0.0.1:1/none", "nobody", null, false);

    private TestConfig() {}

    public static AppConfig appConfig(boolean testPayments) {
        return appConfig(testPayments, StarsConfig.off());
    }

    public static AppConfig appConfig(boolean testPayments, StarsConfig stars) {
        return new AppConfig(
                new TelegramConfig(Secret.of("123456:test-token-test-token-test"), TelegramConfig.DEFAULT_API_URL, TelegramMode.POLLING, null),
                new HttpConfig(0, null, IpRanges.none()), DatabaseConfig.embedded(), Path.of("target/test-data"),
                new HeleketConfig(null, null, HeleketConfig.DEFAULT_API_URL, IpRanges.parse("31.133.220.8"), testPayments),
                new OperatorConfig(Set.of(42L), null, Language.RU, ZoneId.of("Europe/Moscow")),
                Secret.of("0123456789abcdef0123456789abcdef"), Duration.ofSeconds(30), AppConfig.DEFAULT_PANEL_DRIFT_INTERVAL, List.of(),
                ShopLimits.defaults(), stars, BackupConfig.off(Path.of("target/test-data")),
                SubscriptionConfig.defaults());
    }
}
