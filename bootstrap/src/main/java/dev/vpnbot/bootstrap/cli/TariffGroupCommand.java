package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot tariff set-group ID GROUP|none}: a tariff sells keys on every server of a group, or on one chosen location. */
@Command(name = "set-group", mixinStandardHelpOptions = true,
        description = "Make a tariff's keys go on every server of a group (e.g. all), or with 'none' on the one location the buyer "
                + "picks (the default). New orders only.")
final class TariffGroupCommand implements Callable<Integer> {
    @ParentCommand TariffCommand tariff;
    @Parameters(index = "0", paramLabel = "ID", description = "the tariff, as `tariff list` shows it") long id;
    @Parameters(index = "1", paramLabel = "GROUP", description = "a group from `group list`, or none") String group;

    @Override
    public Integer call() throws Exception {
        boolean none = group.strip().equalsIgnoreCase("none");
        return OperatorSession.answer(tariff.parent, Purpose.PRICES, ManageServerGroupsUseCase.class, (use, out) -> {
            use.setTariffGroup(ConsoleModule.CONSOLE, new TariffId(id), none ? null : group);
            out.println(none ? "tariff " + id + " sells keys on one location the buyer picks"
                    : "tariff " + id + " sells keys on every server of group " + group.strip());
        });
    }
}
