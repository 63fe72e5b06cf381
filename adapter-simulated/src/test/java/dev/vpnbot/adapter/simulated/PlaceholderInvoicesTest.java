package dev.vpnbot.adapter.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Placeholder invoices are not a gateway anyone pays through, so they keep only part of the
 * gateway contract: one invoice per order, and no word on any payment.
 */
class PlaceholderInvoicesTest {
    private static final PublicOrderId ORDER = new PublicOrderId("vpn-7-abc");
    private final PlaceholderInvoices invoices = new PlaceholderInvoices("https://bot.example.org");

    @Test
    void an_order_gets_the_same_placeholder_every_time_pointing_at_the_bot() {
        InvoiceRequest request = new InvoiceRequest(ORDER, Money.of("5.00", "USD"), Duration.ofHours(1));

        Invoice invoice = invoices.createInvoice(request);

        assertThat(invoice).isEqualTo(new Invoice("test-vpn-7-abc", "https://bot.example.org"));
        assertThat(invoices.createInvoice(request)).isEqualTo(invoice);
    }

    @Test
    void nothing_is_ever_paid_through_it() {
        invoices.createInvoice(new InvoiceRequest(ORDER, Money.of("5.00", "USD"), Duration.ofHours(1)));

        assertThat(invoices.paymentInfo(ORDER)).isEmpty();
    }
}
