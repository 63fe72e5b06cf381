package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.db.EmbeddedDatabase;
import dev.vpnbot.bootstrap.wiring.ConfigModule;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One operator command's run: reads the configuration, opens the database (joining a running
 * bot's embedded one), hands the use cases to the command, and closes everything after. A
 * business refusal is printed as one line and exits 2; nothing is changed then.
 */
final class OperatorSession {

    @FunctionalInterface
    interface Work {
        int run(Injector shop) throws Exception;
    }

    private OperatorSession() {}

    static int run(VpnbotCommand parent, Work work) throws Exception {
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        Injector injector = null;
        try {
            AppConfig config = Launch.config(parent, Purpose.OPERATE);
            embedded = Launch.embeddedDatabase(config, config.dataDir(), Launch.EmbeddedUse.JOIN, parent.err());
            List<Module> modules = new ArrayList<>();
            modules.add(new ConfigModule(config, Launch.location(config, embedded)));
            modules.addAll(ConsoleModule.operatorCommand());
            injector = Launch.injector(modules, parent.err(), embedded);
            return work.run(injector);
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        } catch (Refusal refusal) {
            parent.err().println("refused: " + refusal.getMessage());
            parent.err().flush();
            return VpnbotCommand.BAD_CONFIGURATION;
        } finally {
            if (injector != null) {
                injector.getInstance(ThreeXuiPanel.class).close();
                injector.getInstance(PostgresPersistence.class).close();
            }
            embedded.ifPresent(Launch::closeQuietly);
        }
    }
}
