package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.DatabaseConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.db.EmbeddedDatabase;
import dev.vpnbot.bootstrap.sandbox.SandboxModule;
import dev.vpnbot.bootstrap.wiring.Wiring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot sandbox}: the real bot on its own embedded database (DATA_DIR/sandbox, never the
 * real one), with a simulated panel and simulated payments in place of 3x-ui and Heleket. The
 * only command that wires the simulators.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Try the bot with nothing but Java: simulated panel and payments, its own embedded database",
                "under DATA_DIR/sandbox. Nothing outside is contacted and no real data is touched."})
final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    VpnbotCommand parent;

    @Override
    public Integer call() throws Exception {
        try {
            AppConfig read = Launch.config(parent, Purpose.SANDBOX);
            // always embedded and apart from the real data; HTTP on a free port so a running bot is not disturbed
            Path home = read.dataDir().resolve("sandbox");
            AppConfig config = new AppConfig(read.telegram(), new HttpConfig(0, null, read.http().trustedProxies()),
                    DatabaseConfig.embedded(), home, read.heleket(), read.operator(), read.secretKey(), read.reconcileInterval(),
                    read.warnings());
            Optional<EmbeddedDatabase> embedded = Launch.embeddedDatabase(config, home, Launch.EmbeddedUse.OWN, parent.err());
            Injector injector = Launch.injector(modules(config, embedded), parent.err(), embedded);
            return Launch.runUntilStopped(injector, embedded, parent.err());
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        }
    }

    private static List<Module> modules(AppConfig config, Optional<EmbeddedDatabase> embedded) {
        List<Module> modules = new ArrayList<>(Wiring.core(config, Launch.location(config, embedded)));
        modules.addAll(Wiring.persistence());
        modules.add(new SandboxModule());
        modules.addAll(Wiring.telegram()); // the terminal chat takes the Bot API's place here
        return modules;
    }
}
