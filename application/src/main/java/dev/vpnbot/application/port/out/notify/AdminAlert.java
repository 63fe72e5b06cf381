package dev.vpnbot.application.port.out.notify;

import java.util.Objects;

/** Something an operator has to look at. */
public record AdminAlert(Kind kind, String detail) {

    public enum Kind {
        UNKNOWN_ORDER_PAID,
        PAYMENT_TOO_LOW,
        PAYMENT_REFUNDED,
        FULFILMENT_FAILING,
        SERVER_UNREACHABLE,
        /** The drift repair put panel clients back as our database has them; the detail lists what it fixed. */
        PANEL_DRIFT_REPAIRED,
        /** A panel's answer about one of our clients could not be trusted, so nothing was written for it. */
        PANEL_CLIENT_UNTRUSTED,
        /** No server is switched on with room: buyers cannot get a new key until an admin acts. */
        SALES_IMPOSSIBLE,
        /** A node enrolled itself with a one-time token and now sells; the detail names the server and panel. */
        SERVER_ENROLLED,
        /** Stars arrived that pay no order: recorded against the payer for an admin to grant or refund. */
        STARS_PAYMENT_HELD,
        /** A Stars payment went back and what it bought was taken back. */
        STARS_REFUNDED,
        /** pg_dump failed: no backup was made this time. */
        BACKUP_FAILED,
        /** A backup was made and kept on the server, but not delivered to the backup chat (too large, or the bot may not post there). */
        BACKUP_NOT_DELIVERED,
        /** The daily reconciliation found ledger deposits and the gateway's payments disagreeing (docs/BALANCE.md). */
        LEDGER_MISMATCH,
        /** An admin credited or debited a balance by hand: the audit trail. */
        BALANCE_ADJUSTED,
        /** An evacuation of a server finished (docs/MOVES.md): keys moved, failed with reasons, skipped with reasons. */
        EVACUATION_FINISHED
    }

    public AdminAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
