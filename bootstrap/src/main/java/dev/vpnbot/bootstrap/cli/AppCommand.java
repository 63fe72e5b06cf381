package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase.AppDetails;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot app …}: the VPN apps buyers are offered, per platform, through the same use case
 * as the Telegram admin panel (an import template with a forbidden scheme is refused, nothing saved).
 */
@Command(name = "app", mixinStandardHelpOptions = true, description = "List, add, edit, switch off and choose the default VPN apps.",
        subcommands = {AppCommand.ListApps.class, AppCommand.AddApp.class, AppCommand.EditApp.class, AppCommand.DisableApp.class,
                AppCommand.EnableApp.class, AppCommand.DefaultApp.class})
final class AppCommand {
    @ParentCommand
    VpnbotCommand parent;

    /** The operator's session with the app list's use case; prints one line for the app it returns. */
    private interface Change {
        VpnApp apply(ManageAppsUseCase apps);
    }

    private static int change(AppCommand app, Change change) throws Exception {
        return OperatorSession.answer(app.parent, Purpose.PRICES, ManageAppsUseCase.class, (use, out) -> {
            VpnApp changed = change.apply(use);
            out.println(line(changed));
        });
    }

    static String line(VpnApp a) {
        return String.format(Locale.ROOT, "%-8s %-3d %-12s %-16s %-8s %-8s %-45s %s", a.platform().name().toLowerCase(Locale.ROOT),
                a.position(), a.code(), a.name(), a.enabled() ? "on" : "off", a.isDefault() ? "default" : "-",
                a.template() == null ? "(no one-tap import)" : a.template().pattern(), a.storeUrl());
    }

    /** Runs {@code change} on the platform named "android", "ios", …; a name that is none is refused, nothing changed. */
    private static int on(AppCommand app, String platformName, java.util.function.Function<AppPlatform, Change> change) throws Exception {
        AppPlatform platform;
        try {
            platform = AppPlatform.valueOf(platformName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            app.parent.err().println("refused: '" + platformName + "' is not a platform: android, ios, windows, macos or linux");
            app.parent.err().flush();
            return VpnbotCommand.BAD_CONFIGURATION;
        }
        return change(app, change.apply(platform));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every app, switched off ones too.")
    static final class ListApps implements Callable<Integer> {
        @ParentCommand AppCommand app;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(app.parent, Purpose.PRICES, ManageAppsUseCase.class, (use, out) -> {
                out.printf(Locale.ROOT, "%-8s %-3s %-12s %-16s %-8s %-8s %-45s %s%n", "PLATFORM", "#", "CODE", "NAME", "STATUS", "DEFAULT",
                        "IMPORT TEMPLATE", "STORE");
                for (VpnApp a : use.list(ConsoleModule.CONSOLE)) out.println(line(a));
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an app to a platform's list (switched on, last).")
    static final class AddApp implements Callable<Integer> {
        @ParentCommand AppCommand app;
        @Parameters(index = "0", paramLabel = "PLATFORM", description = "android, ios, windows, macos or linux") String platform;
        @Parameters(index = "1", paramLabel = "CODE", description = "how /connect links name it, e.g. happ") String code;
        @Option(names = "--name", required = true, description = "the name buyers read") String name;
        @Option(names = "--store", required = true, paramLabel = "URL", description = "the https:// download link") String store;
        @Option(names = "--template", paramLabel = "TEMPLATE",
                description = "one-tap import, e.g. 'happ://add/{url}' or '...?url={url_encoded}'; none: import by link or QR only") String template;

        @Override
        public Integer call() throws Exception {
            return on(app, platform, on -> apps -> apps.add(ConsoleModule.CONSOLE, new AppDetails(on, code, name, store, template)));
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change an app's name, store link and import template.")
    static final class EditApp implements Callable<Integer> {
        @ParentCommand AppCommand app;
        @Parameters(index = "0", paramLabel = "PLATFORM") String platform;
        @Parameters(index = "1", paramLabel = "CODE") String code;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--store", required = true, paramLabel = "URL") String store;
        @Option(names = "--template", paramLabel = "TEMPLATE", description = "leave out for an app without one-tap import") String template;

        @Override
        public Integer call() throws Exception {
            return on(app, platform, on -> apps -> apps.edit(ConsoleModule.CONSOLE, new AppDetails(on, code, name, store, template)));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switch an app off (pulled from a store, say): buyers no longer see it.")
    static final class DisableApp implements Callable<Integer> {
        @ParentCommand AppCommand app;
        @Parameters(index = "0", paramLabel = "PLATFORM") String platform;
        @Parameters(index = "1", paramLabel = "CODE") String code;

        @Override
        public Integer call() throws Exception {
            return on(app, platform, on -> apps -> apps.setEnabled(ConsoleModule.CONSOLE, on, code, false));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switch an app back on.")
    static final class EnableApp implements Callable<Integer> {
        @ParentCommand AppCommand app;
        @Parameters(index = "0", paramLabel = "PLATFORM") String platform;
        @Parameters(index = "1", paramLabel = "CODE") String code;

        @Override
        public Integer call() throws Exception {
            return on(app, platform, on -> apps -> apps.setEnabled(ConsoleModule.CONSOLE, on, code, true));
        }
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Make an app its platform's default (shown first, named in the steps).")
    static final class DefaultApp implements Callable<Integer> {
        @ParentCommand AppCommand app;
        @Parameters(index = "0", paramLabel = "PLATFORM") String platform;
        @Parameters(index = "1", paramLabel = "CODE") String code;

        @Override
        public Integer call() throws Exception {
            return on(app, platform, on -> apps -> apps.makeDefault(ConsoleModule.CONSOLE, on, code));
        }
    }
}
