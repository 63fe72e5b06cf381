package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.server.PanelConnection;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * How one panel's raw answers are read: the signs of an expired session (they differ by
 * version), the JSON envelope of a handled request, and the causes an operator can act on
 * when the panel answers anything else.
 */
final class PanelAnswers {

    private final String name;
    private final PanelConnection connection;
    private final ObjectMapper json;

    PanelAnswers(String name, PanelConnection connection, ObjectMapper json) {
        this.name = name;
        this.connection = connection;
        this.json = json;
    }

    /** 307/302, 401, 404, an empty 403 (CSRF) or, up to v2.2.1, a short 200 saying so. */
    boolean unauthenticated(Reply r) {
        if (r.code() == 401 || r.code() == 404 || (r.code() == 403 && r.empty())) return true;
        if (r.redirect()) {
            requireNoHttpsRedirect(r);
            return true;
        }
        if (r.code() == 200 && r.body().length < 512) { // v2.2.1 and older: a short 200 saying "session has expired"
            Optional<JsonNode> body = parse(r);
            return body.isPresent() && !body.get().path("success").asBoolean(true)
                    && body.get().path("msg").asText("").toLowerCase(Locale.ROOT).contains("session has expired");
        }
        return false;
    }

    Envelope envelope(Reply r) {
        if (r.code() >= 500) {
            throw new PanelException(PanelFault.UNREACHABLE, "panel " + name + " failed with HTTP " + r.code() + " on " + r.route());
        }
        if (r.code() == 403) {
            String msg = parse(r).map(j -> j.path("msg").asText("")).orElse("");
            if (msg.toLowerCase(Locale.ROOT).contains(PanelMessages.TOKEN_NOT_PERMITTED)) {
                throw new PanelException(PanelFault.BAD_CREDENTIALS, "panel " + name + ": the API token lacks the admin scope ("
                        + msg.strip() + ")");
            }
            throw new PanelException(PanelFault.REJECTED, "panel " + name + " answered 403 to " + r.route() + (msg.isBlank() ? "" : ": " + msg.strip()));
        }
        if (r.code() != 200) {
            throw new PanelException(PanelFault.REJECTED, "panel " + name + " answered HTTP " + r.code() + " to " + r.route());
        }
        JsonNode body = parse(r).filter(JsonNode::isObject).orElseThrow(() -> new PanelException(PanelFault.REJECTED,
                "panel " + name + " answered " + r.route() + " with something that is not 3x-ui JSON"));
        return Envelope.of(body);
    }

    Optional<JsonNode> parse(Reply r) {
        if (r.empty()) return Optional.empty();
        try {
            return Optional.ofNullable(json.readTree(r.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    PanelException wrongBasePath() {
        return new PanelException(PanelFault.WRONG_BASE_PATH, "panel " + name + " answers 404 at " + connection.baseUrl()
                + ": the URL must include the panel's secret web base path (Panel settings → URI path), e.g. "
                + "https://203.0.113.7:2053/AbCdEf123/");
    }

    PanelException notAPanel(String route) {
        return new PanelException(PanelFault.WRONG_BASE_PATH, "what answers at " + connection.baseUrl() + route
                + " is not a 3x-ui panel: check the URL and its web base path");
    }

    PanelException oddStatus(Reply r) {
        if (r.redirect()) requireNoHttpsRedirect(r);
        if (r.code() >= 500) return new PanelException(PanelFault.UNREACHABLE, "panel " + name + " failed with HTTP " + r.code() + " on " + r.route());
        if (r.code() == 403) {
            return new PanelException(PanelFault.REJECTED, "panel " + name
                    + " answers 403: its webDomain setting only allows its domain name, not this host");
        }
        if (r.redirect()) {
            return new PanelException(PanelFault.WRONG_BASE_PATH, "panel " + name + " redirects " + r.route() + " to "
                    + r.location() + ": check the URL and its web base path");
        }
        return new PanelException(PanelFault.REJECTED, "panel " + name + " answered HTTP " + r.code() + " to " + r.route());
    }

    private void requireNoHttpsRedirect(Reply r) {
        String location = r.location();
        if (location != null && location.regionMatches(true, 0, "https://", 0, 8) && !connection.isHttps()) {
            throw new PanelException(PanelFault.WRONG_BASE_PATH, "panel " + name + " serves HTTPS on this port (it redirects to "
                    + location + "): use an https:// URL");
        }
    }
}
