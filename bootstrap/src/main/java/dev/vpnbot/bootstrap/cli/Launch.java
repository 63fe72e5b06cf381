package dev.vpnbot.bootstrap.cli;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.InvalidConfiguration;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.wiring.Wiring;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps every command shares: read the configuration, find the database, wire, run until stopped. */
final class Launch {
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);

    /** A step failed and was explained to the operator; the command ends with {@link #exitCode}. */
    static final class Stop extends Exception {
        final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private Launch() {}

    static AppConfig config(VpnbotCommand cli, Purpose purpose) throws Stop {
        AppConfig config;
        try {
            config = ConfigReader.read(cli.variables(), purpose);
        } catch (InvalidConfiguration e) {
            PrintWriter err = cli.err();
            err.println("vpnbot cannot start: " + (e.problems().size() == 1 ? "1 configuration problem" : e.problems().size() + " configuration problems"));
            e.problems().forEach(p -> err.println("  - " + p));
            if (!e.typos().isEmpty()) {
                err.println("Perhaps the cause, and worth fixing anyway:");
                e.typos().forEach(t -> err.println("  - " + t));
            }
            err.println("Set these as environment variables or in " + cli.envFile + " (README, \"Configuration\", lists every variable).");
            if (purpose == Purpose.RUN) {
                err.println("To try the bot first, with no token, payments or panel needed: java -jar vpnbot.jar sandbox");
            }
            err.flush();
            throw new Stop(VpnbotCommand.BAD_CONFIGURATION);
        }
        config.warnings().forEach(w -> LOG.warn("configuration: {}", w));
        return config;
    }

    /** How a command uses the embedded database. */
    enum EmbeddedUse {
        /** The bot: it owns the database and is the only one running from its directory. */
        OWN,
        /** An operator command: it uses the running bot's database, or starts one for itself. */
        JOIN
    }

    /** The database: DATABASE_URL when set, otherwise the embedded one under {@code embeddedHome}. */
    static Optional<EmbeddedDatabase> embeddedDatabase(AppConfig config, Path embeddedHome, EmbeddedUse use, PrintWriter err)
            throws Stop {
        if (!config.database().isEmbedded()) return Optional.empty();
        try {
            return Optional.of(use == EmbeddedUse.OWN ? EmbeddedDatabase.start(embeddedHome) : EmbeddedDatabase.startOrJoin(embeddedHome));
        } catch (IOException e) {
            err.println("vpnbot cannot start: " + e.getMessage());
            err.flush();
            throw new Stop(VpnbotCommand.FAILED);
        }
    }

    static DatabaseLocation location(AppConfig config, Optional<EmbeddedDatabase> embedded) {
        return embedded.map(db -> DatabaseLocation.embedded(db.settings())).orElseGet(() -> DatabaseLocation.configured(config.database()));
    }

    static Injector injector(List<Module> modules, PrintWriter err, Optional<EmbeddedDatabase> embedded) throws Stop {
        try {
            return Wiring.injector(modules);
        } catch (CreationException e) {
            err.println("vpnbot cannot start: the parts of the bot could not be put together");
            Wiring.explain(e).forEach(line -> err.println("  - " + line));
            err.flush();
            LOG.debug("wiring failed", e);
            embedded.ifPresent(Launch::closeQuietly);
            throw new Stop(VpnbotCommand.FAILED);
        }
    }

    /** Starts the bot, then blocks until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    static int runUntilStopped(Injector injector, Optional<EmbeddedDatabase> embedded, PrintWriter err) throws InterruptedException {
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        Thread hook = new Thread(() -> {
            lifecycle.stop();
            embedded.ifPresent(Launch::closeQuietly); // last: everything above may still write
        }, "vpnbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            lifecycle.start();
        } catch (Exception e) {
            LOG.error("start failed", e);
            err.println("vpnbot cannot start: " + e.getMessage());
            err.flush();
            return VpnbotCommand.FAILED; // the hook stops what started
        }
        long sinceLaunch = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info(StartupBanner.text(Version.current(), sinceLaunch, StartupBanner.Facts.of(injector, embedded)));
        lifecycle.awaitStop();
        return VpnbotCommand.OK;
    }

    static void closeQuietly(EmbeddedDatabase db) {
        try {
            db.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not stop the embedded PostgreSQL: {}", e.toString());
        }
    }
}
