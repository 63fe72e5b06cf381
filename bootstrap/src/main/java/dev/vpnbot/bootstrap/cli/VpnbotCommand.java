package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.bootstrap.config.Variables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vpnbot}: with no command it runs the bot. Operator commands ({@code server …},
 * {@code tariff …}) join the subcommands here.
 */
@Command(name = "vpnbot", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"A Telegram bot that sells VPN keys on 3x-ui panels, paid through Heleket.",
                "Without a command it runs the bot (same as `vpnbot run`).",
                "Configuration comes from environment variables and a .env file (see README)."},
        subcommands = {RunCommand.class, MigrateCommand.class, SandboxCommand.class, ServerCommand.class, TariffCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:failed while starting or running", "2:the configuration (or the command line) is wrong"})
public final class VpnbotCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_CONFIGURATION = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = ".env", scope = ScopeType.INHERIT,
            description = "Read variables from FILE when it exists; the environment wins over it (default: ${DEFAULT-VALUE}).")
    Path envFile;

    private final Map<String, String> environment;

    public VpnbotCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Variables variables() {
        return Variables.fromEnvironment(environment, envFile);
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() throws Exception {
        RunCommand run = new RunCommand();
        run.parent = this;
        return run.call();
    }
}
