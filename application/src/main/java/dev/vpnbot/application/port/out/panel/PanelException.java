package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.application.model.panel.PanelFault;

/** A panel call that failed, with a cause an operator understands. */
public class PanelException extends RuntimeException {
    private final PanelFault kind;

    public PanelException(PanelFault kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PanelException(PanelFault kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public PanelFault kind() {
        return kind;
    }
}
