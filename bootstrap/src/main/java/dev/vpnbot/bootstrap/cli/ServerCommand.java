package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase.AddServerCommand;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot server …}: the servers, through the same use case as the Telegram admin panel. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Add, list and test VPN servers (3x-ui panels).",
        subcommands = {ServerCommand.Add.class, ServerCommand.ListServers.class, ServerCommand.Test.class})
final class ServerCommand {
    @ParentCommand
    VpnbotCommand parent;

    static final class Credentials {
        @ArgGroup(exclusive = false)
        Login login;

        @Option(names = "--api-token", paramLabel = "TOKEN", description = "3x-ui v3.0+ API token, instead of a login")
        String apiToken;

        PanelCredentials toCredentials() {
            return apiToken != null ? new PanelCredentials.ApiToken(apiToken)
                    : new PanelCredentials.Password(login.username, login.password, login.twoFactor);
        }
    }

    static final class Login {
        @Option(names = "--username", required = true, paramLabel = "U") String username;
        @Option(names = "--password", required = true, paramLabel = "P") String password;
        @Option(names = "--two-factor", paramLabel = "CODE", description = "the panel's current two-factor code, if it asks") String twoFactor;
    }

    static final class Inbound {
        @Option(names = "--inbound-id", paramLabel = "N", description = "an existing VLESS inbound of the panel")
        Integer inboundId;

        @Option(names = "--create-inbound", description = "create a VLESS Reality inbound on the panel for our keys")
        boolean create;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Test a panel and add it as a server; the test (generation, certificate, inbounds) is printed first.",
                    "for a self-signed certificate, pass the SHA-256 the failed test prints as --tls-pin."})
    static final class Add implements Callable<Integer> {
        @ParentCommand ServerCommand server;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what buyers see, e.g. \"Frankfurt\"") String name;
        @Option(names = "--url", required = true, paramLabel = "URL", description = "panel URL with its secret web base path") String url;
        @ArgGroup(exclusive = true, multiplicity = "1") Credentials credentials;
        @ArgGroup(exclusive = true, multiplicity = "1") Inbound inbound;
        @Option(names = "--max-clients", defaultValue = "200", paramLabel = "N", description = "capacity in keys (default ${DEFAULT-VALUE})") int maxClients;
        @Option(names = "--tls-pin", paramLabel = "SHA256", description = "SHA-256 of the panel's certificate or public key") String tlsPin;
        @Option(names = "--inbound-port", defaultValue = "443", paramLabel = "PORT", description = "with --create-inbound (default ${DEFAULT-VALUE})") int inboundPort;
        @Option(names = "--sni", defaultValue = "www.microsoft.com", paramLabel = "HOST", description = "with --create-inbound: the Reality server name (default ${DEFAULT-VALUE})") String sni;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            PanelConnection connection;
            try {
                connection = new PanelConnection(url, credentials.toCredentials(), tlsPin);
            } catch (IllegalArgumentException e) {
                server.parent.err().println("refused: " + e.getMessage());
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.run(server.parent, shop -> {
                ManageServersUseCase servers = shop.getInstance(ManageServersUseCase.class);
                PanelProbe probe = servers.testConnection(ConsoleModule.CONSOLE, connection);
                print(out, probe);
                if (!probe.ok()) return VpnbotCommand.FAILED;
                RealityInboundRequest create = inbound.create ? new RealityInboundRequest(inboundPort, "vpnbot " + name, sni) : null;
                Server added = servers.addServer(new AddServerCommand(ConsoleModule.CONSOLE, name, connection,
                        inbound.create ? null : inbound.inboundId, create, maxClients));
                out.printf("added server %s \"%s\" (inbound %d, max %d keys)%n", added.id(), added.name(), added.inboundId(), added.maxClients());
                out.flush();
                return VpnbotCommand.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List servers with their load.")
    static final class ListServers implements Callable<Integer> {
        @ParentCommand ServerCommand server;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            return OperatorSession.run(server.parent, shop -> {
                out.printf("%-4s %-24s %-8s %-9s %s%n", "ID", "NAME", "ACTIVE", "LOAD", "PANEL");
                for (Server s : shop.getInstance(ManageServersUseCase.class).listServers(ConsoleModule.CONSOLE)) {
                    out.printf("%-4s %-24s %-8s %-9s %s%n", s.id(), s.name(), s.active() ? "yes" : "no",
                            s.activeKeys() + "/" + s.maxClients(), s.connection().baseUrl());
                }
                out.flush();
                return VpnbotCommand.OK;
            });
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Test a stored server's panel and inbound.")
    static final class Test implements Callable<Integer> {
        @ParentCommand ServerCommand server;
        @Parameters(paramLabel = "ID") long id;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            return OperatorSession.run(server.parent, shop -> {
                PanelProbe probe = shop.getInstance(ManageServersUseCase.class).testServer(ConsoleModule.CONSOLE, new ServerId(id));
                print(out, probe);
                return probe.ok() ? VpnbotCommand.OK : VpnbotCommand.FAILED;
            });
        }
    }

    static void print(PrintWriter out, PanelProbe probe) {
        out.println("API generation: " + (probe.api() == null ? "unknown" : probe.api().name() + " (" + probe.api().releases() + ")"));
        out.println("authenticated:  " + (probe.authenticated() ? "yes" : "no"));
        if (probe.certificate() != null) {
            out.println("certificate:    " + probe.certificate().subject() + (probe.certificate().trusted() ? " (trusted)" : " (NOT trusted)"));
            out.println("  SHA-256 cert: " + probe.certificate().certificateSha256());
            out.println("  SHA-256 key:  " + probe.certificate().publicKeySha256() + "  (pin either with --tls-pin)");
        }
        for (PanelInbound i : probe.inbounds()) {
            out.printf("inbound %-4d %-20s %s %s/%s port %d, %d clients%s%n", i.id(), i.remark(), i.protocol(), i.network(), i.security(),
                    i.port(), i.clientCount(), i.enabled() ? "" : " (disabled)");
        }
        if (probe.subscription() != null) {
            out.println("subscription:   " + (probe.subscription().enabled() ? "on" : "off") + ", path " + probe.subscription().path());
        }
        if (!probe.ok()) out.println("PROBLEM: " + probe.problem().kind() + ": " + probe.problem().message());
        out.flush();
    }
}
