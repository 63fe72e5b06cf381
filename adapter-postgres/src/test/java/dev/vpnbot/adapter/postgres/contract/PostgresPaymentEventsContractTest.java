package dev.vpnbot.adapter.postgres.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractPaymentEventsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.model.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

/** The {@code PaymentEvents} contract against PostgreSQL, plus what only the database shows: the audit trail. */
@PostgresTest
class PostgresPaymentEventsContractTest extends AbstractPaymentEventsContractTest {
    private final TestSchema schema;

    PostgresPaymentEventsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock));
        this.schema = schema;
    }

    @Test
    void the_verified_notification_is_kept_as_received_and_a_repeat_does_not_overwrite_it() {
        ports.paymentEvents().record(event("inv-9", "paid", PaymentStatus.PAID));
        ports.paymentEvents().record(new dev.vpnbot.application.port.out.payment.PaymentEvent(
                "inv-9", "vpn-1-abc", "paid", PaymentStatus.PAID, "{\"forged\":true}", NOW.plusSeconds(60)));

        assertThat(schema.queryString("SELECT payload FROM payment_events WHERE invoice_id = 'inv-9'"))
                .isEqualTo("{\"uuid\":\"inv-9\",\"status\":\"paid\"}");
        assertThat(schema.queryString("SELECT order_public_id || ' ' || status || ' ' || raw_status FROM payment_events"))
                .isEqualTo("vpn-1-abc PAID paid");
        assertThat(schema.queryLong("SELECT (extract(epoch FROM received_at) * 1000)::bigint FROM payment_events"))
                .isEqualTo(NOW.toEpochMilli());
    }
}
