package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase.IssuedToken;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase.AddServerCommand;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.server.PanelAddress;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot server …}: the servers, through the same use case as the Telegram admin panel. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Add, list and test VPN servers (3x-ui panels).",
        subcommands = {ServerCommand.Add.class, ServerCommand.ListServers.class, ServerCommand.Test.class, ServerCommand.EnrollToken.class,
                ServerEvacuateCommand.Evacuate.class, ServerEvacuateCommand.Progress.class})
final class ServerCommand {
    @ParentCommand
    VpnbotCommand parent;

    /** How the bot logs in to the panel; the secret itself is never required on the command line. */
    static final class Login {
        @Option(names = "--username", paramLabel = "NAME",
                description = "The panel's admin login. The password is asked for, or read with --password-stdin or from PANEL_PASSWORD.")
        String username;

        @Option(names = "--api-token", arity = "0..1", fallbackValue = "", paramLabel = "TOKEN",
                description = "Log in with a 3x-ui v3.0+ API token instead. Leave TOKEN out to be asked for it, or read it with "
                        + "--password-stdin or from PANEL_API_TOKEN.")
        String apiToken;
    }

    /** Where the password (or token) comes from when it is not typed at the prompt. */
    static final class SecretInput {
        @Option(names = "--password-stdin", description = "Read the password (or API token) from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password", paramLabel = "PASSWORD",
                description = "The password itself. Discouraged: it stays in your shell history.")
        String password;

        @Option(names = "--two-factor", paramLabel = "CODE", description = "The panel's current two-factor code, if it asks for one.")
        String twoFactor;

        PanelCredentials credentials(Login login, String panelUrl, PanelSecret.Sources in) throws Launch.Stop {
            if (login.apiToken != null) {
                if (password != null) throw refuse(in, "--password goes with --username; an API token replaces both");
                String token = PanelSecret.read(PanelSecret.Kind.API_TOKEN, login.apiToken, stdin, panelUrl, in);
                return new PanelCredentials.ApiToken(token);
            }
            String secret = PanelSecret.read(PanelSecret.Kind.PASSWORD, password, stdin, login.username + " at " + panelUrl, in);
            return new PanelCredentials.Password(login.username, secret, twoFactor);
        }

        private static Launch.Stop refuse(PanelSecret.Sources in, String why) {
            in.err().println("refused: " + why);
            in.err().flush();
            return new Launch.Stop(VpnbotCommand.BAD_CONFIGURATION);
        }
    }

    static final class Inbound {
        @Option(names = "--inbound-id", paramLabel = "N", description = "an existing VLESS inbound of the panel")
        Integer inboundId;

        @Option(names = "--create-inbound", description = "create a VLESS Reality inbound on the panel for our keys")
        boolean create;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Test a panel and add it as a server; the test (generation, certificate, inbounds) is printed first.",
                    "For a self-signed certificate, pass the SHA-256 the failed test prints as --tls-pin."})
    static final class Add implements Callable<Integer> {
        @ParentCommand ServerCommand server;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what buyers see, e.g. \"Frankfurt\"") String name;
        @Option(names = "--url", required = true, paramLabel = "URL", description = "panel URL with its secret web base path") String url;
        @ArgGroup(exclusive = true, multiplicity = "1") Login login;
        @Mixin SecretInput secret;
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
                PanelAddress.refuseUnsafe(new PanelConnection(url, new PanelCredentials.ApiToken("check"), null).baseUrl());
                PanelAddress.plainHttpWarning(url).ifPresent(w -> server.parent.err().println("warning: " + w));
                connection = new PanelConnection(url, secret.credentials(login, url, server.parent.secretSources()), tlsPin);
            } catch (Launch.Stop stop) {
                return stop.exitCode;
            } catch (IllegalArgumentException e) {
                server.parent.err().println("refused: " + e.getMessage());
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.run(server.parent, Purpose.OPERATE, shop -> {
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
            return OperatorSession.run(server.parent, Purpose.OPERATE, shop -> {
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
        @Parameters(paramLabel = "ID", description = "the server, as `server list` shows it") long id;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            return OperatorSession.run(server.parent, Purpose.OPERATE, shop -> {
                PanelProbe probe = shop.getInstance(ManageServersUseCase.class).testServer(ConsoleModule.CONSOLE, new ServerId(id));
                print(out, probe);
                return probe.ok() ? VpnbotCommand.OK : VpnbotCommand.FAILED;
            });
        }
    }

    @Command(name = "enroll-token", mixinStandardHelpOptions = true,
            description = {"Issue a one-time token with which a new node enrols itself as this server (deploy/node/install.sh).",
                    "The token is printed once; it expires after 24 hours and works for one enrolment."})
    static final class EnrollToken implements Callable<Integer> {
        @ParentCommand ServerCommand server;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what buyers will see, e.g. \"Frankfurt\"") String name;
        @Option(names = "--max-clients", defaultValue = "200", paramLabel = "N", description = "capacity in keys (default ${DEFAULT-VALUE})") int maxClients;
        @Option(names = "--group", paramLabel = "GROUP", description = "a server group, kept on the token as plain text") String group;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = server.parent.out();
            return OperatorSession.run(server.parent, Purpose.OPERATE, shop -> {
                IssuedToken issued = shop.getInstance(IssueEnrollmentTokenUseCase.class).issue(ConsoleModule.CONSOLE, name, maxClients, group);
                String botUrl = java.util.Optional.ofNullable(shop.getInstance(HttpConfig.class).publicUrl()).map(Object::toString).orElse("https://<PUBLIC_URL>");
                out.printf("enrolment token for \"%s\" (max %d keys%s), single use, valid until %s:%n", issued.token().serverName(),
                        issued.token().maxClients(), issued.token().group() == null ? "" : ", group " + issued.token().group(),
                        issued.token().expiresAt());
                out.println("  " + issued.secret());
                out.println("on the new server, as root:");
                out.println("  VPNBOT_ENROLL_TOKEN='" + issued.secret() + "' bash install.sh --bot-url " + botUrl);
                out.flush();
                return VpnbotCommand.OK;
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
        if (!probe.ok()) out.println(RefusalWords.of(probe.problem()));
        out.flush();
    }
}
