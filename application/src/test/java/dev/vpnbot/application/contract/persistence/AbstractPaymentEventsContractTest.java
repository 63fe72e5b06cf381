package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.payment.PaymentEvent;
import dev.vpnbot.application.model.payment.PaymentStatus;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code PaymentEvents} contract, for every implementation: a repeat is recognised and harms nothing. */
public abstract class AbstractPaymentEventsContractTest extends PersistenceContract {

    protected AbstractPaymentEventsContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    protected static PaymentEvent event(String invoice, String rawStatus, PaymentStatus status) {
        return new PaymentEvent(invoice, "vpn-1-abc", rawStatus, status, "{\"uuid\":\"" + invoice + "\",\"status\":\"" + rawStatus + "\"}", NOW);
    }

    @Test
    void the_first_event_of_an_invoice_and_status_is_recorded_and_a_repeat_is_not() {
        assertThat(ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID))).isTrue();
        assertThat(ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID))).isFalse();
    }

    @Test
    void another_status_of_the_same_invoice_or_another_invoice_is_a_new_event() {
        assertThat(ports.paymentEvents().record(event("inv-1", "check", PaymentStatus.PENDING))).isTrue();
        assertThat(ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID))).isTrue();
        assertThat(ports.paymentEvents().record(event("inv-2", "paid", PaymentStatus.PAID))).isTrue();
        assertThat(ports.paymentEvents().record(event("inv-1", "paid_over", PaymentStatus.PAID_OVER))).isTrue();
    }

    @Test
    void a_repeat_inside_a_unit_of_work_leaves_it_usable_and_everything_else_in_it_commits() {
        boolean repeated = ports.transactions().inTransaction(() -> {
            assertThat(ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID))).isTrue();
            boolean again = ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID));
            savedUser(42); // the unit of work goes on after the repeat
            ports.paymentEvents().record(event("inv-1", "refund_paid", PaymentStatus.REFUNDED));
            return again;
        });

        assertThat(repeated).isFalse();
        assertThat(ports.users().find(new dev.vpnbot.domain.user.UserId(42))).isPresent();
        assertThat(ports.paymentEvents().record(event("inv-1", "refund_paid", PaymentStatus.REFUNDED))).isFalse();
    }

    @Test
    void an_event_recorded_in_a_unit_of_work_that_fails_is_not_kept() {
        try {
            ports.transactions().run(() -> {
                ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID));
                throw new IllegalStateException("crash after recording");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(ports.paymentEvents().record(event("inv-1", "paid", PaymentStatus.PAID))).isTrue();
    }
}
