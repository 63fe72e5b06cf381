package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot group …}: server groups a tariff can cover (docs/SUBSCRIPTION.md), through the same
 * use case as the Telegram admin panel. "all" always exists and holds every server switched on.
 */
@Command(name = "group", mixinStandardHelpOptions = true, description = "Server groups: the locations a multi-location tariff covers.",
        subcommands = {GroupCommand.ListGroups.class, GroupCommand.Create.class, GroupCommand.Add.class, GroupCommand.Remove.class})
final class GroupCommand {
    @ParentCommand
    VpnbotCommand parent;

    static void print(PrintWriter out, ServerGroup g) {
        String members = g.allServers() ? "(every server switched on)"
                : g.members().stream().map(ServerId::value).sorted().map(String::valueOf).collect(Collectors.joining(","));
        out.printf("%-5d %-20s %s%n", g.id().value(), g.name(), members.isEmpty() ? "(no servers)" : members);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the groups and their servers' ids.")
    static final class ListGroups implements Callable<Integer> {
        @ParentCommand GroupCommand group;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(group.parent, Purpose.PRICES, ManageServerGroupsUseCase.class, (use, out) -> {
                out.printf("%-5s %-20s %s%n", "ID", "NAME", "SERVERS");
                for (ServerGroup g : use.groups(ConsoleModule.CONSOLE)) print(out, g);
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a named group without servers.")
    static final class Create implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "NAME", description = "1-64 letters, digits, spaces, '_', '.' or '-'") String name;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(group.parent, Purpose.PRICES, ManageServerGroupsUseCase.class, (use, out) -> {
                print(out, use.create(ConsoleModule.CONSOLE, name));
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a server to a group. Keys already sold for the group get it on the next placement sweep (a minute).")
    static final class Add implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "GROUP") String name;
        @Parameters(index = "1", paramLabel = "SERVER_ID", description = "as `server list` shows it") long server;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(group.parent, Purpose.PRICES, ManageServerGroupsUseCase.class, (use, out) -> {
                print(out, use.addServer(ConsoleModule.CONSOLE, name, new ServerId(server)));
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a server from a group: new keys of the group are no longer placed there; keys placed before keep it.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "GROUP") String name;
        @Parameters(index = "1", paramLabel = "SERVER_ID") long server;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(group.parent, Purpose.PRICES, ManageServerGroupsUseCase.class, (use, out) -> {
                print(out, use.removeServer(ConsoleModule.CONSOLE, name, new ServerId(server)));
            });
        }
    }
}
