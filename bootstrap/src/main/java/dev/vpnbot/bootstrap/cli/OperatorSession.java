package dev.vpnbot.bootstrap.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Secret;
import dev.vpnbot.bootstrap.wiring.ConfigModule;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One operator command's run: reads the configuration, opens the database (joining a running
 * bot's embedded one), hands the use cases to the command, and closes everything after. Only
 * the answer goes to stdout; the log goes to stderr. A business refusal is printed as one
 * sentence on stderr and exits 2; nothing is changed then.
 */
final class OperatorSession {

    @FunctionalInterface
    interface Work {
        int run(Injector shop) throws Exception;
    }

    /** What a command prints, given the one use case it asks and stdout. */
    @FunctionalInterface
    interface Answer<U> {
        void write(U useCase, PrintWriter out) throws Exception;
    }

    private OperatorSession() {}

    /** {@link #run} for a command that asks one use case and prints what it answers: flushed, exit code 0. */
    static <U> int answer(VpnbotCommand parent, Purpose purpose, Class<U> useCase, Answer<U> answer) throws Exception {
        PrintWriter out = parent.out();
        return run(parent, purpose, shop -> {
            answer.write(shop.getInstance(useCase), out);
            out.flush();
            return VpnbotCommand.OK;
        });
    }

    /**
     * @param purpose {@link Purpose#OPERATE} for commands that read or store panel secrets,
     *                {@link Purpose#PRICES} for the tariff commands, which need no SECRET_KEY
     */
    static int run(VpnbotCommand parent, Purpose purpose, Work work) throws Exception {
        parent.answerOnStdout();
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        Injector injector = null;
        try {
            AppConfig config = withoutPanelSecrets(Launch.config(parent, purpose));
            embedded = Launch.embeddedDatabase(config, config.dataDir(), Launch.EmbeddedUse.JOIN, parent.err());
            List<Module> modules = new ArrayList<>();
            modules.add(new ConfigModule(config, Launch.location(config, embedded)));
            modules.addAll(ConsoleModule.operatorCommand());
            injector = Launch.injector(modules, parent.err(), embedded);
            return work.run(injector);
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        } catch (Refusal refusal) {
            parent.err().println(RefusalWords.of(refusal));
            parent.err().flush();
            return VpnbotCommand.BAD_CONFIGURATION;
        } finally {
            if (injector != null) ConsoleModule.close(injector);
            embedded.ifPresent(Launch::closeQuietly);
        }
    }

    /**
     * Tariff commands touch no panel secret, so they run without SECRET_KEY: the database then
     * opens with a key made for this run and forgotten after it. Nothing is sealed with it, as
     * only commands read with {@link Purpose#OPERATE} store panel secrets, and those require the
     * real key.
     */
    private static AppConfig withoutPanelSecrets(AppConfig config) {
        if (config.secretKey() != null) return config;
        return config.withSecretKey(Secret.of(SecretBox.newKey()));
    }
}
