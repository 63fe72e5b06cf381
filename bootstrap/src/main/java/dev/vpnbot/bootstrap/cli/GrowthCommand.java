package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.model.statistics.GrowthFigures;
import dev.vpnbot.application.model.statistics.ReferralFigures;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot growth …}: the free trial's servers, once-per-user tariffs and the trial and referral figures (docs/GROWTH.md). */
@Command(name = "growth", mixinStandardHelpOptions = true, description = "Free trial and referrals: trial servers, once-per-user tariffs, figures.",
        subcommands = {GrowthCommand.TrialServer.class, GrowthCommand.OncePerUser.class, GrowthCommand.Stats.class})
final class GrowthCommand {
    @ParentCommand
    VpnbotCommand parent;

    private static Boolean onOff(String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> null;
        };
    }

    @Command(name = "trial-server", mixinStandardHelpOptions = true, description = "Send trial keys to a server (on) or not (off).")
    static final class TrialServer implements Callable<Integer> {
        @ParentCommand GrowthCommand growth;
        @Parameters(index = "0", paramLabel = "ID", description = "the server, as `server list` shows it") long id;
        @Parameters(index = "1", paramLabel = "on|off") String mode;

        @Override
        public Integer call() throws Exception {
            Boolean on = onOff(mode);
            if (on == null) {
                growth.parent.err().println("refused: '" + mode + "' is not on or off");
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.answer(growth.parent, Purpose.PRICES, ManageGrowthUseCase.class, (use, out) -> {
                use.markTrialServer(ConsoleModule.CONSOLE, new ServerId(id), on);
                out.println("servers for trial keys: " + use.trialServers(ConsoleModule.CONSOLE).stream()
                        .map(s -> String.valueOf(s.value())).sorted().collect(Collectors.joining(", ", "[", "]")));
            });
        }
    }

    @Command(name = "once-per-user", mixinStandardHelpOptions = true,
            description = "Sell a tariff once per user (on: a paid micro-trial) or any number of times (off).")
    static final class OncePerUser implements Callable<Integer> {
        @ParentCommand GrowthCommand growth;
        @Parameters(index = "0", paramLabel = "TARIFF", description = "the tariff, as `tariff list` shows it") long id;
        @Parameters(index = "1", paramLabel = "on|off") String mode;

        @Override
        public Integer call() throws Exception {
            Boolean on = onOff(mode);
            if (on == null) {
                growth.parent.err().println("refused: '" + mode + "' is not on or off");
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.answer(growth.parent, Purpose.PRICES, ManageGrowthUseCase.class, (use, out) -> {
                use.markOncePerUser(ConsoleModule.CONSOLE, new TariffId(id), on);
                out.println("tariff " + id + (on ? " is sold once per user" : " is sold any number of times"));
            });
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Trials started and converted, referral revenue, rewards.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand GrowthCommand growth;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(growth.parent, Purpose.PRICES, ManageGrowthUseCase.class, (use, out) -> {
                GrowthFigures g = use.figures(ConsoleModule.CONSOLE);
                ReferralFigures r = g.referrals();
                out.printf("trials started:           %d%n", g.trialsStarted());
                out.printf("trials converted to paid: %d (%d%%)%n", g.trialsConverted(), g.conversionPercent());
                out.printf("invited users:            %d%n", r.invited());
                out.printf("their paid orders:        %d%n", r.paidOrders());
                out.printf("referral revenue:         %s; %d stars%n",
                        r.cryptoTotals().isEmpty() ? "0" : r.cryptoTotals().stream().map(Money::toString).collect(Collectors.joining(" + ")), r.stars());
                out.printf("rewards granted:          %d%n", r.rewardsGranted());
                out.printf("rewards reversed:         %d%n", r.rewardsReversed());
            });
        }
    }
}
