package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.shop.SalesPause;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot maintenance on|off|status}: pause sales of new keys (renewals and My keys go on), as the admin panel does. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Pause or resume sales of new keys (maintenance); renewals and My keys keep working.")
final class MaintenanceCommand implements Callable<Integer> {
    @ParentCommand
    VpnbotCommand parent;

    @Parameters(index = "0", paramLabel = "on|off|status", description = "on pauses sales, off resumes them, status shows which")
    String mode;

    @Option(names = "--message", paramLabel = "TEXT", description = "What buyers read while sales are paused (with on).")
    String message;

    @Override
    public Integer call() throws Exception {
        if (!mode.equals("on") && !mode.equals("off") && !mode.equals("status")) {
            parent.err().println("refused: '" + mode + "' is not on, off or status");
            return VpnbotCommand.BAD_CONFIGURATION;
        }
        return OperatorSession.answer(parent, Purpose.PRICES, ManageTariffsUseCase.class, (tariffs, out) -> {
            if (mode.equals("on")) tariffs.pauseSales(ConsoleModule.CONSOLE, message);
            if (mode.equals("off")) tariffs.resumeSales(ConsoleModule.CONSOLE);
            Optional<SalesPause> pause = tariffs.salesPause(ConsoleModule.CONSOLE);
            out.println(pause.map(p -> "sales paused since " + p.since() + (p.message().isEmpty() ? "" : "; buyers read: " + p.message()))
                    .orElse("sales running"));
        });
    }
}
