package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.Wiring;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot run}: the real bot, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the bot: migrate the database, serve HTTP, take Telegram updates, run the background jobs.",
                "Without DATABASE_URL it starts an embedded PostgreSQL under DATA_DIR."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    VpnbotCommand parent;

    @Override
    public Integer call() throws Exception {
        try {
            AppConfig config = Launch.config(parent, Purpose.RUN);
            Optional<EmbeddedDatabase> embedded = Launch.embeddedDatabase(config, config.dataDir(), Launch.EmbeddedUse.OWN, parent.err());
            Injector injector = Launch.injector(Wiring.bot(config, Launch.location(config, embedded)), parent.err(), embedded);
            return Launch.runUntilStopped(injector, embedded, parent.err());
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        }
    }
}
