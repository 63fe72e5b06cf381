package dev.vpnbot.application.port.in.enrollment;

import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.port.in.Refusal;

/**
 * A node's enrolment refused: nothing was stored and nothing was created on the panel beyond
 * what the failed step may have left. The cause says which rule said no.
 */
public final class EnrollmentRefused extends Refusal {

    public enum Cause {
        TOKEN_UNKNOWN,
        TOKEN_USED,
        TOKEN_EXPIRED,
        /** The node asked for another server name than the token was issued for. */
        NAME_MISMATCH,
        /** A field is missing or malformed (URL, certificate SHA-256, port, SNI…). */
        INVALID_REQUEST,
        /** The panel did not answer (network, timeout, 5xx). */
        PANEL_UNREACHABLE,
        /** The panel showed another certificate than the SHA-256 the node sent. */
        CERTIFICATE_MISMATCH,
        /** The panel answered but refused: login, base path, version, a port taken… ({@link #problem()} says). */
        PANEL_REFUSED
    }

    private final Cause cause;
    private final transient PanelProbe.Problem problem;

    public EnrollmentRefused(Cause cause, String detail) {
        this(cause, detail, null);
    }

    public EnrollmentRefused(Cause cause, String detail, PanelProbe.Problem problem) {
        super(Reason.INVALID_INPUT, cause + ": " + detail);
        this.cause = cause;
        this.problem = problem;
    }

    public Cause cause() {
        return cause;
    }

    /** The panel's problem for the panel causes, else null. */
    public PanelProbe.Problem problem() {
        return problem;
    }

    /** The detail without the reason and cause codes. */
    public String detail() {
        String prefix = reason() + ": " + cause + ": ";
        String message = getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
