package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.InvalidConfiguration;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.health.Checkup;
import dev.vpnbot.bootstrap.health.Doctor;
import dev.vpnbot.bootstrap.wiring.ConfigModule;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.bootstrap.wiring.HeleketModule;
import dev.vpnbot.bootstrap.wiring.OutboundHttpModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot doctor}: checks what the bot needs before it runs, one line per check with its
 * verdict (ok, warn, fail), and exits non-zero when any check failed. It changes nothing: no
 * migration, no invoice, no message.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check what the bot needs, one line per check (ok, warn, fail); changes nothing.",
                "Checks the configuration, the database (version, migrations, role), Telegram (getMe), Heleket (a signed call)",
                "and every stored server's panel (login, inbound, certificate pin).",
                "Exit code 1 when any check fails, 2 when the configuration cannot be read."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    VpnbotCommand parent;

    @Override
    public Integer call() {
        parent.answerOnStdout();
        PrintWriter out = parent.out();
        List<Checkup> lines = new ArrayList<>();
        AppConfig config;
        try {
            config = ConfigReader.read(parent.variables(), Purpose.RUN);
        } catch (InvalidConfiguration e) {
            e.problems().forEach(p -> report(out, lines, new Checkup(Checkup.Verdict.FAIL, "configuration", p)));
            e.typos().forEach(t -> report(out, lines, new Checkup(Checkup.Verdict.WARN, "configuration", t)));
            return VpnbotCommand.BAD_CONFIGURATION;
        }
        report(out, lines, new Checkup(Checkup.Verdict.OK, "configuration", "every variable reads (environment and " + parent.envFile + ")"));
        config.warnings().forEach(w -> report(out, lines, new Checkup(Checkup.Verdict.WARN, "configuration", w)));
        OkHttpClient http = new OkHttpClient();
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        try {
            embedded = Launch.embeddedDatabase(config, config.dataDir(), Launch.EmbeddedUse.JOIN, parent.err());
            Doctor doctor = new Doctor(config, http);
            List<Checkup> database = doctor.database(Launch.location(config, embedded));
            database.forEach(c -> report(out, lines, c));
            report(out, lines, doctor.telegram());
            report(out, lines, doctor.heleket(HeleketModule.settingsOf(config.heleket(), config.http())));
            panels(config, embedded, database).forEach(c -> report(out, lines, c));
        } catch (Launch.Stop stop) {
            report(out, lines, new Checkup(Checkup.Verdict.FAIL, "database", "the embedded database could not start (see above)"));
        } finally {
            OutboundHttpModule.close(http);
            embedded.ifPresent(Launch::closeQuietly);
        }
        return Doctor.exitCode(lines, VpnbotCommand.FAILED);
    }

    /** Panels need the stored servers: only on a database that answered and needs no migration (the doctor changes nothing). */
    private List<Checkup> panels(AppConfig config, Optional<EmbeddedDatabase> embedded, List<Checkup> database) throws Launch.Stop {
        if (database.stream().anyMatch(c -> c.verdict() != Checkup.Verdict.OK && !c.subject().equals("database role"))) {
            return List.of(new Checkup(Checkup.Verdict.WARN, "panels", "not checked: the database is not ready (see above)"));
        }
        List<Module> modules = new ArrayList<>();
        modules.add(new ConfigModule(config, Launch.location(config, embedded)));
        modules.addAll(ConsoleModule.operatorCommand());
        Injector console = Launch.injector(modules, parent.err(), Optional.empty());
        try {
            return Doctor.panels(console.getInstance(ManageServersUseCase.class), ConsoleModule.CONSOLE);
        } finally {
            ConsoleModule.close(console);
        }
    }

    private static void report(PrintWriter out, List<Checkup> lines, Checkup line) {
        lines.add(line);
        out.println(line.line());
        out.flush();
    }
}
