package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.lifecycle.SchemaMigration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Guice modules make up each way the bot runs, and how the injector is built: explicit
 * bindings only, no circular proxies, production stage (every singleton is built at start, so
 * a wiring or configuration mistake stops the start instead of the first Telegram update).
 *
 * <p>The adapters' modules are listed in {@link #persistence}, {@link #outsideWorld} and
 * {@link #telegram}: one module per adapter, added there as each adapter joins the build.
 */
public final class Wiring {
    private static final Pattern UNBOUND = Pattern.compile("Explicit bindings are required and (.+) is not explicitly bound\\.");

    private Wiring() {}

    /** Bootstrap's own modules: configuration, use cases, metrics, HTTP (served and the shared client), jobs, lifecycle. */
    public static List<Module> core(AppConfig config, DatabaseLocation database) {
        return List.of(new ConfigModule(config, database), new ApplicationModule(), new KeyCareModule(), new AdminModule(),
                new ObservabilityModule(), new HttpModule(), new SchedulerModule(), new LifecycleModule(), new OutboundHttpModule(),
                new EnrollmentModule(), new CodesModule(), new BalanceModule(), new GrowthModule(),
                new GiftsModule(), new MovesModule());
    }

    /** The database adapter: the repositories, transactions, {@code SchemaMigration}, the database health check. */
    public static List<Module> persistence() {
        return List.of(new PostgresModule());
    }

    /** The adapters for the panels ({@code @Undecorated VpnPanel}) and for Heleket ({@code PaymentGateway}, its webhook route). */
    public static List<Module> outsideWorld() {
        return List.of(new PanelModule(), new HeleketModule());
    }

    /** The Telegram adapter: {@code Notifier}, the update source, the webhook and /connect routes, the sender. */
    public static List<Module> telegram() {
        return List.of(new TelegramModule());
    }

    /** The real bot. */
    public static List<Module> bot(AppConfig config, DatabaseLocation database) {
        List<Module> modules = new ArrayList<>(core(config, database));
        modules.addAll(persistence());
        modules.addAll(outsideWorld());
        modules.addAll(telegram());
        return modules;
    }

    /** {@code vpnbot migrate}: the database and nothing else. */
    public static List<Module> migration(AppConfig config, DatabaseLocation database) {
        List<Module> modules = new ArrayList<>(List.of(new ConfigModule(config, database), new AbstractModule() {
            @Override
            protected void configure() {
                requireBinding(SchemaMigration.class); // missing → reported when the injector is built
            }
        }));
        modules.add(new PostgresModule.MigrationOnly());
        return modules;
    }

    /** Builds the injector, strictly. */
    public static Injector injector(List<? extends Module> modules) {
        List<Module> all = new ArrayList<>();
        all.add(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
            }
        });
        all.addAll(modules);
        return Guice.createInjector(Stage.PRODUCTION, all);
    }

    /** What went wrong, one line per distinct problem, for the operator rather than for Guice experts. */
    public static List<String> explain(CreationException e) {
        Set<String> lines = new LinkedHashSet<>();
        for (Message m : e.getErrorMessages()) {
            Throwable cause = m.getCause();
            while (cause != null && cause.getCause() != null && cause.getMessage() == null) cause = cause.getCause();
            String line = cause != null && cause.getMessage() != null ? cause.getMessage() : m.getMessage();
            line = line.strip().lines().findFirst().orElse(line).replaceFirst("^\\[Guice/[A-Za-z]+]:\\s*", "");
            Matcher unbound = UNBOUND.matcher(line);
            if (unbound.matches()) line = "nothing in this build provides " + unbound.group(1);
            lines.add(line);
        }
        return List.copyOf(lines);
    }
}
