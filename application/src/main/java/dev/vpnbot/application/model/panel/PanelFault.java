package dev.vpnbot.application.model.panel;

/**
 * Why a panel call failed, in words an operator understands. Shared by both sides of the panel
 * port: {@code PanelException} carries it, and a {@link PanelProbe} reports it to the admin screens.
 */
public enum PanelFault {
    /** Network error, timeout, HTTP 5xx: worth retrying later. */
    UNREACHABLE(true),
    /** The panel's SQLite was busy: worth retrying. */
    BUSY(true),
    BAD_CREDENTIALS(false),
    /** Every route answers 404: usually the web base path is missing from the URL. */
    WRONG_BASE_PATH(false),
    TLS_PIN_MISMATCH(false),
    TLS_UNTRUSTED(false),
    UNSUPPORTED_VERSION(false),
    INBOUND_NOT_FOUND(false),
    CLIENT_NOT_FOUND(false),
    /** The email is taken by a client that is not ours. */
    DUPLICATE_EMAIL(false),
    /** The panel said success:false for a reason we do not know. */
    REJECTED(false);

    private final boolean transientFault;

    PanelFault(boolean transientFault) {
        this.transientFault = transientFault;
    }

    public boolean isTransient() {
        return transientFault;
    }
}
