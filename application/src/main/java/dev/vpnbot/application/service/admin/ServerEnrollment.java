package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.PanelRefused;
import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused.Cause;
import dev.vpnbot.application.port.in.enrollment.ProcessQueuedEnrollmentsUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollment;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollments;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.domain.server.EnrollmentToken;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Node enrolment, over HTTP or through the database route: the token is checked, then claimed
 * (so two nodes with one token cannot both get in), then the panel is brought into service as
 * the admin's add-server flow does it. A failure after the claim gives the token back.
 * A crash between claim and store leaves the token used and nothing stored: the admin issues another.
 */
public final class ServerEnrollment implements EnrollServerUseCase, ProcessQueuedEnrollmentsUseCase {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final EnrollmentTokens tokens;
    private final QueuedEnrollments queue;
    private final ServerProvisioning provisioning;
    private final Notifier notifier;
    private final Clock clock;

    public ServerEnrollment(EnrollmentTokens tokens, QueuedEnrollments queue, Servers servers, PanelInspection inspection,
                            Notifier notifier, Clock clock) {
        this.tokens = tokens;
        this.queue = queue;
        this.provisioning = new ServerProvisioning(servers, inspection);
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public Server enroll(EnrollCommand command) {
        if (command.token() == null || command.token().isBlank()) throw new EnrollmentRefused(Cause.TOKEN_UNKNOWN, "no token given");
        String hash = EnrollmentTokenIssuing.sha256(command.token().strip());
        EnrollmentToken token = tokens.find(hash).orElseThrow(() -> new EnrollmentRefused(Cause.TOKEN_UNKNOWN, "no such token"));
        refuseIfUnusable(token, command.serverName());
        PanelConnection connection = connection(command);
        RealityInboundRequest inbound = inbound(command, token.serverName());
        if (!tokens.claim(hash, clock.instant())) {
            refuseIfUnusable(tokens.find(hash).orElseThrow(), command.serverName());
            throw new EnrollmentRefused(Cause.TOKEN_USED, "the token was just used"); // lost a race the re-read cannot see
        }
        Server server;
        try {
            server = provisioning.provision(token.serverName(), connection, null, inbound, token.maxClients());
        } catch (PanelRefused e) {
            tokens.release(hash);
            throw panelRefusal(e.problem());
        } catch (RuntimeException e) {
            tokens.release(hash);
            throw e;
        }
        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.SERVER_ENROLLED, "server " + server.id() + " \"" + server.name()
                + "\" at " + connection.baseUrl() + ", inbound " + server.inboundId() + ", max " + server.maxClients() + " keys"
                + (token.group() == null ? "" : ", group " + token.group())));
        return server;
    }

    @Override
    public int processQueued(int limit) {
        int taken = 0;
        while (taken < limit) {
            Optional<QueuedEnrollment> next = queue.takeNext(clock.instant());
            if (next.isEmpty()) break;
            taken++;
            QueuedEnrollment request = next.get();
            queue.finish(request.id(), outcome(request), clock.instant());
        }
        return taken;
    }

    private String outcome(QueuedEnrollment request) {
        try {
            Server server = enroll(new EnrollCommand(request.token(), request.serverName(), request.panelUrl(), credentials(request),
                    request.certificateSha256(), request.inboundPort(), request.sni()));
            return "enrolled as server " + server.id() + " \"" + server.name() + "\"";
        } catch (Refusal e) {
            return "refused: " + e.getMessage();
        }
    }

    /** Null when the row has no usable login: refused after the token is checked, as over HTTP. */
    private static PanelCredentials credentials(QueuedEnrollment request) {
        try {
            if (request.apiToken() != null && !request.apiToken().isBlank()) return new PanelCredentials.ApiToken(request.apiToken());
            return new PanelCredentials.Password(request.username(), request.password());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void refuseIfUnusable(EnrollmentToken token, String requestedName) {
        Optional<EnrollmentToken.Unusable> unusable = token.unusableFor(requestedName, clock.instant());
        if (unusable.isEmpty()) return;
        throw switch (unusable.get()) {
            case USED -> new EnrollmentRefused(Cause.TOKEN_USED, "the token was already used at " + token.usedAt() + "; ask for a new one");
            case EXPIRED -> new EnrollmentRefused(Cause.TOKEN_EXPIRED, "the token expired at " + token.expiresAt() + "; ask for a new one");
            case OTHER_NAME -> new EnrollmentRefused(Cause.NAME_MISMATCH,
                    "the token is for server \"" + token.serverName() + "\", not \"" + requestedName.strip() + "\"");
        };
    }

    private static PanelConnection connection(EnrollCommand command) {
        if (command.credentials() == null) throw new EnrollmentRefused(Cause.INVALID_REQUEST, "the panel's login is missing: give a username and password, or an API token");
        String pin = command.certificateSha256() == null ? "" : command.certificateSha256().replace(":", "").strip().toLowerCase();
        if (!SHA256_HEX.matcher(pin).matches()) {
            throw new EnrollmentRefused(Cause.INVALID_REQUEST, "the panel certificate's SHA-256 (64 hex digits) is missing or malformed");
        }
        PanelConnection connection;
        try {
            connection = new PanelConnection(command.panelUrl() == null ? "" : command.panelUrl(), command.credentials(), pin);
        } catch (IllegalArgumentException e) {
            throw new EnrollmentRefused(Cause.INVALID_REQUEST, e.getMessage());
        }
        // the pin is what makes the node's word about its panel checkable: plain http has none
        if (!connection.isHttps()) throw new EnrollmentRefused(Cause.INVALID_REQUEST, "the panel URL must be https");
        return connection;
    }

    private static RealityInboundRequest inbound(EnrollCommand command, String serverName) {
        try {
            return new RealityInboundRequest(command.inboundPort() == 0 ? DEFAULT_INBOUND_PORT : command.inboundPort(),
                    remark(serverName), command.sni() == null || command.sni().isBlank() ? DEFAULT_SNI : command.sni());
        } catch (IllegalArgumentException e) {
            throw new EnrollmentRefused(Cause.INVALID_REQUEST, e.getMessage());
        }
    }

    /** The add-server flow's remark, cut to what a panel remark may hold. */
    private static String remark(String serverName) {
        String remark = "vpnbot " + serverName;
        return remark.length() <= 64 ? remark : remark.substring(0, 64);
    }

    private static EnrollmentRefused panelRefusal(PanelProbe.Problem problem) {
        Cause cause = problem.kind() == PanelFault.UNREACHABLE ? Cause.PANEL_UNREACHABLE
                : problem.kind() == PanelFault.TLS_PIN_MISMATCH ? Cause.CERTIFICATE_MISMATCH
                : Cause.PANEL_REFUSED;
        return new EnrollmentRefused(cause, problem.kind() + ": " + problem.message(), problem);
    }
}
