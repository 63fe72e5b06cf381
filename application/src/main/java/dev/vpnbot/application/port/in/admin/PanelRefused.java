package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.port.in.Refusal;

/**
 * A server change refused because its panel failed the test or refused the call: invalid input,
 * with the panel's problem attached, so screens can say what the panel said (bad credentials, a
 * certificate to pin, a port taken) instead of a plain "invalid input".
 */
public final class PanelRefused extends Refusal {
    private final transient PanelProbe.Problem problem;

    public PanelRefused(PanelProbe.Problem problem) {
        super(Reason.INVALID_INPUT, problem.kind() + ": " + problem.message());
        this.problem = problem;
    }

    public PanelProbe.Problem problem() {
        return problem;
    }
}
