package dev.vpnbot.bootstrap.cli;

import ch.qos.logback.classic.Level;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vpnbot.adapter.postgres.EmbeddedDatabase;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.simulated.SandboxServer;
import dev.vpnbot.adapter.simulated.SimulatedTelegram;
import dev.vpnbot.adapter.simulated.TerminalChat;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.BackupConfig;
import dev.vpnbot.bootstrap.config.DatabaseConfig;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.IpRanges;
import dev.vpnbot.bootstrap.config.OperatorConfig;
import dev.vpnbot.bootstrap.config.StarsConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Secret;
import dev.vpnbot.bootstrap.config.TelegramConfig;
import dev.vpnbot.bootstrap.config.TelegramMode;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.wiring.sandbox.SandboxModule;
import dev.vpnbot.bootstrap.wiring.Wiring;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot sandbox}: the real bot on its own embedded database (DATA_DIR/sandbox, never the
 * real one), talking over the real Bot API client to a simulated Telegram chat in this terminal,
 * with a simulated panel and simulated payments in place of 3x-ui and Heleket. The only command
 * that wires the simulators. The person in the chat is an admin, so the admin panel can be
 * tried too, and test payments are on: "Pay (test)" pays through the webhook's path.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        header = "Try the bot with nothing but Java: a chat in this terminal, a simulated panel and payments.",
        description = {"The real bot, talking to a simulated Telegram chat in this terminal, with a simulated 3x-ui panel and "
                + "simulated payments, on its own embedded database under DATA_DIR/sandbox. Nothing outside is contacted."})
final class SandboxCommand implements Callable<Integer> {
    /** The Telegram id of the person at the terminal. */
    static final long SANDBOX_USER = 100001L;

    @ParentCommand
    VpnbotCommand parent;

    @Option(names = "--lang", paramLabel = "ru|en",
            description = "The language the chat starts in (default: DEFAULT_LANGUAGE); the bot's Language button still switches it.")
    String lang;

    @Override
    public Integer call() throws Exception {
        PrintStream screen = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        TerminalChat chat = new TerminalChat(screen);
        Language language;
        try {
            language = lang == null ? null : Language.parse(lang);
        } catch (IllegalArgumentException e) {
            parent.err().println("--lang: '" + lang + "' is not a language the bot speaks; use ru or en");
            return 2;
        }
        AppConfig read;
        try {
            read = Launch.config(parent, Purpose.SANDBOX);
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        }
        Language start = language != null ? language : read.operator().defaultLanguage();
        Path home = read.dataDir().resolve("sandbox");
        try (SimulatedTelegram telegram = new SimulatedTelegram(SANDBOX_USER, "Sandbox", start.name().toLowerCase(Locale.ROOT),
                home.resolve("files"), chat)) {
            AppConfig config = sandboxConfig(read, home, telegram);
            Optional<EmbeddedDatabase> embedded = Launch.embeddedDatabase(config, home, Launch.EmbeddedUse.OWN, parent.err());
            Injector injector = Launch.injector(modules(config, embedded), parent.err(), embedded);
            SandboxServer.ensure(injector.getInstance(Servers.class));
            if (language != null) startIn(injector, language);
            Thread person = new Thread(() -> {
                try {
                    chat.converse(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), telegram);
                } catch (IOException e) {
                    screen.println("terminal closed: " + e.getMessage());
                }
                // the poll in flight when the chat closes fails; that is the end, not an error
                ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.telegram")).setLevel(Level.OFF);
                injector.getInstance(Lifecycle.class).stop();
            }, "sandbox-terminal");
            person.setDaemon(true);
            quietLogs();
            person.start();
            return Launch.runUntilStopped(injector, embedded, parent.err());
        } catch (Launch.Stop stop) {
            return stop.exitCode;
        }
    }

    /** --lang wins over the language stored from an earlier session (a newcomer gets it from Telegram's language code). */
    private static void startIn(Injector injector, Language language) {
        UserId person = new UserId(SANDBOX_USER);
        if (injector.getInstance(FindUserUseCase.class).find(person).isPresent()) {
            injector.getInstance(ChangeLanguageUseCase.class).changeLanguage(person, language);
        }
    }

    /** The operator's settings, with everything outside replaced by the sandbox's own. */
    private static AppConfig sandboxConfig(AppConfig read, Path home, SimulatedTelegram telegram) throws IOException {
        TelegramConfig chat = new TelegramConfig(Secret.of(SimulatedTelegram.TOKEN), URI.create(telegram.baseUrl()),
                TelegramMode.POLLING, null);
        HeleketConfig payments = new HeleketConfig(null, null, HeleketConfig.DEFAULT_API_URL, IpRanges.none(), true);
        OperatorConfig operator = new OperatorConfig(Set.of(SANDBOX_USER), null, read.operator().defaultLanguage(),
                read.operator().timeZone());
        // HTTP on a free port so a running bot is not disturbed
        // simulated Telegram Stars too, at the operator's rate or 50 stars per unit
        StarsConfig stars = new StarsConfig(true, read.stars().starsPerUnit() != null ? read.stars().starsPerUnit() : new BigDecimal("50"),
                read.stars().onlyForPayingUsers());
        return new AppConfig(chat, new HttpConfig(0, null, read.http().trustedProxies()), DatabaseConfig.embedded(), home,
                payments, operator, sandboxKey(home), read.reconcileInterval(), read.panelDriftInterval(), read.warnings(),
                read.limits(), stars, BackupConfig.off(home), read.subscription());
    }

    /** The sandbox's own encryption key, made once and kept beside its database. */
    private static Secret sandboxKey(Path home) throws IOException {
        Path file = home.resolve("sandbox.key");
        if (!Files.exists(file)) {
            Files.createDirectories(home);
            Files.writeString(file, SecretBox.newKey());
        }
        return Secret.of(Files.readString(file).strip());
    }

    private static List<Module> modules(AppConfig config, Optional<EmbeddedDatabase> embedded) {
        List<Module> modules = new ArrayList<>(Wiring.core(config, Launch.location(config, embedded)));
        modules.addAll(Wiring.persistence());
        modules.add(new SandboxModule());
        modules.addAll(Wiring.telegram());
        return modules;
    }

    /** The chat owns the terminal: only warnings and errors are logged from here on. */
    private static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
