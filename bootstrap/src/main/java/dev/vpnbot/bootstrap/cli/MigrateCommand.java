package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.lifecycle.SchemaMigration;
import dev.vpnbot.bootstrap.wiring.PostgresModule;
import dev.vpnbot.bootstrap.wiring.Wiring;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot migrate}: bring the schema up to date and exit. Run it as the database's owner
 * role when the bot itself runs as a role that may not change the schema.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Bring the database schema up to date, then exit. Needs only the database variables."})
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    VpnbotCommand parent;

    @Option(names = "--grant-runtime-role", paramLabel = "ROLE",
            description = {"After migrating, grant ROLE what the bot needs at run time and nothing more (rows only):",
                    "run as the schema's owner; the bot then logs in as ROLE (docs/DATABASE.md, Least privilege)."})
    String runtimeRole;

    @Override
    public Integer call() throws Exception {
        parent.answerOnStdout();
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        try {
            AppConfig config = Launch.config(parent, Purpose.MIGRATE);
            embedded = Launch.embeddedDatabase(config, config.dataDir(), Launch.EmbeddedUse.JOIN, parent.err());
            Injector injector = Launch.injector(Wiring.migration(config, Launch.location(config, embedded)), parent.err(), embedded);
            parent.out().println(injector.getInstance(SchemaMigration.class).migrate());
            if (runtimeRole != null) {
                try {
                    PostgresPersistence.grantRuntimeRole(PostgresModule.settings(Launch.location(config, embedded)), runtimeRole);
                } catch (RuntimeException e) {
                    parent.err().println("vpnbot migrate: the schema is migrated, but " + e.getMessage());
                    parent.err().flush();
                    return VpnbotCommand.FAILED;
                }
                parent.out().println("role " + runtimeRole + " may read and write rows, and nothing more");
            }
            parent.out().flush();
            return VpnbotCommand.OK;
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        } finally {
            embedded.ifPresent(Launch::closeQuietly);
        }
    }
}
