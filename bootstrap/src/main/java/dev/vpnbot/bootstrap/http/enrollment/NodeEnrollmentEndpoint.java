package dev.vpnbot.bootstrap.http.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase;
import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase.EnrollCommand;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /nodes/enroll}: a node's installer hands over its one-time token, the panel's URL,
 * login and certificate SHA-256 as JSON; {@link EnrollServerUseCase} does the rest. Answers JSON:
 * 201 with the new server, or a refusal with its cause and a sentence for the operator at the
 * node's terminal. Nothing secret is logged or echoed.
 *
 * <p>Request fields: {@code token}, {@code panelUrl}, {@code certSha256}, and either
 * {@code username} + {@code password} or {@code apiToken}; optional {@code name} (must be the
 * token's), {@code inboundPort}, {@code sni}.
 */
public final class NodeEnrollmentEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(NodeEnrollmentEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to answer: an HTTP status and a JSON body. */
    public record Reply(int status, String json) {}

    private final EnrollServerUseCase enrollment;

    public NodeEnrollmentEndpoint(EnrollServerUseCase enrollment) {
        this.enrollment = Objects.requireNonNull(enrollment, "enrollment");
    }

    public Reply handle(byte[] body, Optional<InetAddress> sender) {
        String from = sender.map(InetAddress::getHostAddress).orElse("unknown");
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            LOG.warn("node enrolment from {} refused (400): the body is not a JSON object", from);
            return refusal(400, "INVALID_REQUEST", "the body must be a JSON object");
        }
        try {
            Server server = enrollment.enroll(command(request));
            LOG.info("node enrolment from {}: server {} \"{}\" at {}", from, server.id(), server.name(), server.connection().baseUrl());
            ObjectNode answer = JSON.createObjectNode().put("status", "enrolled").put("serverId", server.id().value())
                    .put("name", server.name()).put("inboundId", server.inboundId()).put("maxClients", server.maxClients());
            return new Reply(201, write(answer));
        } catch (EnrollmentRefused e) {
            LOG.warn("node enrolment from {} refused ({}): {}", from, e.cause(), e.detail());
            return refusal(status(e.cause()), e.cause().name(), e.detail());
        } catch (RuntimeException e) {
            LOG.error("node enrolment from {} failed (500)", from, e);
            return refusal(500, "ERROR", "the bot could not finish the enrolment; nothing was stored, try again later");
        }
    }

    private static EnrollCommand command(JsonNode request) {
        String apiToken = text(request, "apiToken");
        String username = text(request, "username");
        String password = text(request, "password");
        PanelCredentials credentials;
        try {
            credentials = apiToken != null ? new PanelCredentials.ApiToken(apiToken) : new PanelCredentials.Password(username, password);
        } catch (RuntimeException e) {
            credentials = null; // refused by the use case once the token is checked
        }
        JsonNode port = request.get("inboundPort");
        return new EnrollCommand(text(request, "token"), text(request, "name"), text(request, "panelUrl"), credentials,
                text(request, "certSha256"), port != null && port.canConvertToInt() ? port.asInt() : 0, text(request, "sni"));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    /** Token trouble is 403/409/410 (do not retry with it), a bad request 400, panel trouble 422/502 (fix the node, retry). */
    static int status(EnrollmentRefused.Cause cause) {
        return switch (cause) {
            case TOKEN_UNKNOWN, NAME_MISMATCH -> 403;
            case TOKEN_USED -> 409;
            case TOKEN_EXPIRED -> 410;
            case INVALID_REQUEST -> 400;
            case PANEL_UNREACHABLE -> 502;
            case CERTIFICATE_MISMATCH, PANEL_REFUSED -> 422;
        };
    }

    private static Reply refusal(int status, String reason, String message) {
        return new Reply(status, write(JSON.createObjectNode().put("status", "refused").put("reason", reason).put("message", message)));
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
