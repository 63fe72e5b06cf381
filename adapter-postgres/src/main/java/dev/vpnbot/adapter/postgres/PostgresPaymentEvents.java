package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.payment.PaymentEvent;
import java.time.Instant;

/**
 * Persistence adapter: verified payment notifications in {@code payment_events}, kept as received.
 * A repeat (same invoice and raw status) is skipped with ON CONFLICT DO NOTHING, which, unlike
 * a failed insert, leaves the surrounding transaction usable.
 */
final class PostgresPaymentEvents implements PaymentEvents {
    private final Database db;

    PostgresPaymentEvents(Database db) {
        this.db = db;
    }

    @Override
    public boolean record(PaymentEvent event) {
        int inserted = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO payment_events (invoice_id, order_public_id, raw_status, status, payload, received_at)
                        VALUES (:invoiceId, :orderId, :rawStatus, :status, :payload, :receivedAt)
                        ON CONFLICT (invoice_id, raw_status) DO NOTHING""")
                .bind("invoiceId", event.invoiceId())
                .bind("orderId", event.orderId())
                .bind("rawStatus", event.rawStatus())
                .bind("status", event.status().name())
                .bind("payload", event.payload())
                .bindByType("receivedAt", event.receivedAt(), Instant.class)
                .execute());
        return inserted == 1;
    }
}
