package dev.vpnbot.application.port.out.panel;

/** A panel call that failed, with a cause an operator understands. */
public class PanelException extends RuntimeException {

    public enum Kind {
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

        Kind(boolean transientFault) {
            this.transientFault = transientFault;
        }

        public boolean isTransient() {
            return transientFault;
        }
    }

    private final Kind kind;

    public PanelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PanelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
