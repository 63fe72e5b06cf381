package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase.Outcome;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase.ResetLinkCommand;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.key.KeyId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot key …}: one key, through the same use case as the bot's "Reset link" button. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Act on one key.", subcommands = {KeyCommand.ResetLink.class})
final class KeyCommand {
    @ParentCommand
    VpnbotCommand parent;

    @Command(name = "reset-link", mixinStandardHelpOptions = true,
            description = "Give the key a new subscription link and a new UUID on every panel it is on: the old link and configs "
                    + "imported from it stop working. A panel that cannot be reached is finished by the running bot within a minute.")
    static final class ResetLink implements Callable<Integer> {
        @ParentCommand KeyCommand key;
        @Parameters(index = "0", paramLabel = "KEY_ID", description = "the key's number, as the admin user card shows it") long id;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = key.parent.out();
            return OperatorSession.run(key.parent, Purpose.OPERATE, shop -> {
                Outcome outcome = shop.getInstance(ResetLinkUseCase.class)
                        .reset(new ResetLinkCommand(ConsoleModule.CONSOLE, new KeyId(id), true));
                if (outcome instanceof Outcome.Reset) return done(out, "key " + id + ": new link and UUID on every panel");
                if (outcome instanceof Outcome.Pending) {
                    return done(out, "key " + id + ": new link stored; a panel could not be reached, the running bot finishes it");
                }
                if (outcome instanceof Outcome.NotActive) return refused("key " + id + " is not active (switched off or still being delivered)");
                return refused("no key " + id);
            });
        }

        private int done(PrintWriter out, String line) {
            out.println(line);
            out.flush();
            return VpnbotCommand.OK;
        }

        private int refused(String why) {
            key.parent.err().println("refused: " + why);
            key.parent.err().flush();
            return VpnbotCommand.BAD_CONFIGURATION;
        }
    }
}
