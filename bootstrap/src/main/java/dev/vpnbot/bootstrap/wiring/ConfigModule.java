package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.BalanceConfig;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.OperatorConfig;
import dev.vpnbot.bootstrap.config.ShopLimits;
import dev.vpnbot.bootstrap.config.StarsConfig;
import dev.vpnbot.bootstrap.config.TelegramConfig;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import java.util.Objects;

/**
 * The validated configuration, bound once, with its parts exposed so a module asks only for
 * what it uses; and where the database is (the embedded one or DATABASE_URL), resolved before
 * the injector is built.
 */
public final class ConfigModule extends AbstractModule {
    private final AppConfig config;
    private final DatabaseLocation database;

    public ConfigModule(AppConfig config, DatabaseLocation database) {
        this.config = Objects.requireNonNull(config, "config");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        bind(DatabaseLocation.class).toInstance(database);
    }

    @Provides
    TelegramConfig telegram(AppConfig c) {
        return c.telegram();
    }

    @Provides
    HttpConfig http(AppConfig c) {
        return c.http();
    }

    @Provides
    HeleketConfig heleket(AppConfig c) {
        return c.heleket();
    }

    @Provides
    OperatorConfig operator(AppConfig c) {
        return c.operator();
    }

    @Provides
    ShopLimits limits(AppConfig c) {
        return c.limits();
    }

    @Provides
    StarsConfig stars(AppConfig c) {
        return c.stars();
    }

    @Provides
    BalanceConfig balance(AppConfig c) {
        return c.balance();
    }
}
