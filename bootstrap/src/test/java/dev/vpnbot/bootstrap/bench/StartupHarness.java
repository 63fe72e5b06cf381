package dev.vpnbot.bootstrap.bench;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.wiring.InMemoryAdaptersModule;
import dev.vpnbot.bootstrap.wiring.TestConfig;
import dev.vpnbot.bootstrap.wiring.Wiring;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up measurement, not a test: the real bootstrap (embedded PostgreSQL, Guice in production
 * stage, HTTP server, background jobs, lifecycle and shutdown hook) with application's
 * in-memory ports standing in for the adapters that are not in this build yet. Run by
 * bench/startup.sh, which times it from the outside.
 *
 * <p>Arguments: HTTP port, data directory.
 */
public final class StartupHarness {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
        AppConfig base = TestConfig.appConfig(false);
        AppConfig config = new AppConfig(base.telegram(), new HttpConfig(port, null, base.http().trustedProxies()), base.database(),
                dataDir, base.heleket(), base.operator(), base.secretKey(), base.reconcileInterval(), base.panelDriftInterval(), List.of());
        List<Module> modules = new ArrayList<>(Wiring.core(config, DatabaseLocation.embedded(db.settings())));
        modules.add(new InMemoryAdaptersModule());
        Injector injector = Wiring.injector(modules);
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lifecycle.stop();
            try {
                db.close();
            } catch (Exception e) {
                System.err.println("could not stop the database: " + e);
            }
        }));
        lifecycle.start();
        long sinceLaunch = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("READY " + sinceLaunch + " ms after JVM start");
        lifecycle.awaitStop();
    }
}
