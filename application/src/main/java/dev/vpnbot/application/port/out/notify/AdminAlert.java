package dev.vpnbot.application.port.out.notify;

import java.util.Objects;

/** Something an operator has to look at. */
public record AdminAlert(Kind kind, String detail) {

    public enum Kind {
        UNKNOWN_ORDER_PAID,
        PAYMENT_TOO_LOW,
        PAYMENT_REFUNDED,
        FULFILMENT_FAILING,
        SERVER_UNREACHABLE
    }

    public AdminAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
