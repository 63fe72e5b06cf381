package dev.vpnbot.bootstrap;

import dev.vpnbot.bootstrap.cli.VpnbotCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point of vpnbot.jar: {@code java -jar vpnbot.jar [run|migrate|sandbox] …}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the application core logs through java.util.logging; send it to the same log
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = new CommandLine(new VpnbotCommand(System.getenv())).execute(args);
        // after `run` this is reached during the JVM's shutdown, where exit just waits for the hooks to finish
        System.exit(code);
    }
}
