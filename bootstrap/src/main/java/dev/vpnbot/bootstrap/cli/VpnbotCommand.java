package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.bootstrap.config.Variables;
import java.io.InputStream;
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
        subcommands = {RunCommand.class, MigrateCommand.class, SandboxCommand.class, ServerCommand.class, TariffCommand.class,
                DoctorCommand.class, UserCommand.class, MaintenanceCommand.class, BackupCommand.class,
                GroupCommand.class, KeyCommand.class, PromoCommand.class, BalanceCommand.class,
                GrowthCommand.class, AppCommand.class},
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

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Operator commands and migrate: log what they do (INFO) on stderr, not only warnings.")
    boolean verbose;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final PanelSecret.Prompt prompt;

    public VpnbotCommand(Map<String, String> environment) {
        this(environment, System.in, PanelSecret.Prompt.console());
    }

    /** For tests: what the person at the terminal would pipe in and type at a prompt. */
    VpnbotCommand(Map<String, String> environment, InputStream stdin, PanelSecret.Prompt prompt) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
        this.prompt = prompt;
    }

    /** Where a panel password may come from besides the command line. */
    PanelSecret.Sources secretSources() {
        return new PanelSecret.Sources(environment, stdin, prompt, err());
    }

    /** For commands whose stdout is the answer: the log goes to stderr, warnings only unless --verbose. */
    void answerOnStdout() {
        CommandLog.toStandardError(verbose);
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
