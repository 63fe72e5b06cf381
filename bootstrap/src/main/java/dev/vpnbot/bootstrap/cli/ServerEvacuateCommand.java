package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Report;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Started;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.server.ServerId;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot server evacuate X [--to Y | --auto]} and {@code vpnbot server evacuation X}
 * (docs/MOVES.md): the same use case as /admin's "Evacuate". The console starts it; the running
 * bot's jobs move the keys, tell their owners and report to the admins.
 */
final class ServerEvacuateCommand {
    private ServerEvacuateCommand() {}

    static final class Target {
        @Option(names = "--to", paramLabel = "ID", description = "move every key to this server") Long to;
        @Option(names = "--auto", description = "move each key to the least loaded server with room (the default)") boolean auto;
    }

    @Command(name = "evacuate", mixinStandardHelpOptions = true,
            description = {"Move every key off a server: it is switched off for sales at once, each key gets a move",
                    "(same UUID, subId and expiry), old clients are switched off at once and deleted after MOVE_DELETE_DELAY.",
                    "The running bot moves the keys, tells each owner once and reports to the admins."})
    static final class Evacuate implements Callable<Integer> {
        @ParentCommand ServerCommand server;
        @Parameters(paramLabel = "ID", description = "the server to empty, as `server list` shows it") long id;
        @ArgGroup(exclusive = true) Target target;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            return OperatorSession.run(server.parent, Purpose.OPERATE, shop -> {
                ServerId to = target == null || target.to == null ? null : new ServerId(target.to);
                Started started = shop.getInstance(EvacuateServerUseCase.class).start(ConsoleModule.CONSOLE, new ServerId(id), to);
                if (started instanceof Started.Refused refused) {
                    server.parent.err().println("refused: " + refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    server.parent.err().flush();
                    return VpnbotCommand.FAILED;
                }
                Evacuation e = ((Started.Evacuating) started).evacuation();
                out.printf("evacuation %d of server %s started (%s); the server no longer sells.%n", e.id(), e.server(),
                        e.auto() ? "each key to the least loaded server with room" : "every key to server " + e.target());
                out.printf("the running bot moves the keys; see `vpnbot server evacuation %s`%n", e.server());
                out.flush();
                return VpnbotCommand.OK;
            });
        }
    }

    @Command(name = "evacuation", mixinStandardHelpOptions = true, description = "The latest evacuation of a server: moved, waiting, failed, skipped.")
    static final class Progress implements Callable<Integer> {
        @ParentCommand ServerCommand server;
        @Parameters(paramLabel = "ID", description = "the server, as `server list` shows it") long id;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            return OperatorSession.run(server.parent, Purpose.OPERATE, shop -> {
                Optional<Report> latest = shop.getInstance(EvacuateServerUseCase.class).latest(ConsoleModule.CONSOLE, new ServerId(id));
                if (latest.isEmpty()) {
                    out.println("server " + id + " was never evacuated");
                    out.flush();
                    return VpnbotCommand.OK;
                }
                print(out, latest.get());
                return VpnbotCommand.OK;
            });
        }
    }

    static void print(PrintWriter out, Report r) {
        EvacuationProgress p = r.progress();
        out.printf("evacuation %d of server %s (%s): %s%n", r.evacuation().id(), r.evacuation().server(), r.serverName(),
                r.evacuation().phase().name().toLowerCase(java.util.Locale.ROOT));
        out.printf("moved %d, waiting %d, failed %d, skipped %d%n", p.moved(), p.waiting(), p.failed(), p.skipped());
        p.skipReasons().forEach((reason, n) -> out.printf("  skipped %s: %d%n", reason, n));
        p.failures().forEach(f -> out.println("  failed " + f));
        p.waitingErrors().forEach(f -> out.println("  waiting " + f));
        out.flush();
    }
}
