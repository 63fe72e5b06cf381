package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase.BanReport;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.UserId;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot user ban|unban ID}: the same bans as the Telegram admin panel, keys switched off and on at the panels. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Ban or unban a user.",
        subcommands = {UserCommand.Ban.class, UserCommand.Unban.class})
final class UserCommand {
    @ParentCommand
    VpnbotCommand parent;

    @Command(name = "ban", mixinStandardHelpOptions = true,
            description = "Ban a user: the bot ignores them (but for a short notice) and their keys are switched off on the panels.")
    static final class Ban implements Callable<Integer> {
        @ParentCommand UserCommand user;
        @Parameters(index = "0", paramLabel = "TELEGRAM_ID", description = "the user's Telegram id") long id;

        @Override
        public Integer call() throws Exception {
            return user.run(id, true);
        }
    }

    @Command(name = "unban", mixinStandardHelpOptions = true, description = "Lift a ban: the keys it switched off are switched back on.")
    static final class Unban implements Callable<Integer> {
        @ParentCommand UserCommand user;
        @Parameters(index = "0", paramLabel = "TELEGRAM_ID", description = "the user's Telegram id") long id;

        @Override
        public Integer call() throws Exception {
            return user.run(id, false);
        }
    }

    private int run(long id, boolean ban) throws Exception {
        if (id <= 0) {
            parent.err().println("refused: '" + id + "' is not a Telegram user id");
            return VpnbotCommand.BAD_CONFIGURATION;
        }
        PrintWriter out = parent.out();
        return OperatorSession.run(parent, Purpose.OPERATE, shop -> {
            BanUsersUseCase bans = shop.getInstance(BanUsersUseCase.class);
            BanReport report = ban ? bans.ban(ConsoleModule.CONSOLE, new UserId(id)) : bans.unban(ConsoleModule.CONSOLE, new UserId(id));
            out.printf("user %d %s; keys switched %s on the panels: %s%n", id, ban ? "banned" : "unbanned", ban ? "off" : "on",
                    ids(report.switched()));
            if (!report.panelFailed().isEmpty()) {
                out.printf("not reached on their panel (run the command again to retry): %s%n", ids(report.panelFailed()));
            }
            out.flush();
            return report.panelFailed().isEmpty() ? VpnbotCommand.OK : VpnbotCommand.FAILED;
        });
    }

    private static String ids(List<KeyId> keys) {
        return keys.isEmpty() ? "none" : keys.stream().map(k -> "#" + k.value()).collect(Collectors.joining(", "));
    }
}
