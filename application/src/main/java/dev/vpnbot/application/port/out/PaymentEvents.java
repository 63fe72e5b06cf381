package dev.vpnbot.application.port.out;

import dev.vpnbot.application.port.out.payment.PaymentEvent;

/** Outgoing port: verified payment notifications, kept for audit and to settle repeats. */
public interface PaymentEvents {
    /** Stores the event; false when one with the same invoice and status was stored before. */
    boolean record(PaymentEvent event);
}
