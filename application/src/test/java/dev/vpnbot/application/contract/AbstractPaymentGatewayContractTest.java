package dev.vpnbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentGateway} does, whatever stands behind it: the Heleket adapter
 * (against its fake Heleket) and the simulated gateway run these same tests. A subclass gives
 * the gateway, fresh for every test, and a way for the buyer to pay outside the bot. What only
 * one gateway shows (its wire format, partial payments, its status words) stays in its own tests.
 */
public abstract class AbstractPaymentGatewayContractTest {
    private static final Money FIVE_DOLLARS = Money.of("5.00", "USD");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final AtomicInteger ORDERS = new AtomicInteger();

    /** The gateway under test. */
    protected abstract PaymentGateway gateway();

    /** The buyer pays the order's invoice in full, the way this gateway's buyers do. */
    protected abstract void buyerPaysInFull(PublicOrderId order);

    @Test
    void an_order_gets_an_invoice_with_an_id_and_an_https_pay_url() {
        Invoice invoice = gateway().createInvoice(new InvoiceRequest(newOrder(), FIVE_DOLLARS, HOUR));

        assertThat(invoice.invoiceId()).isNotBlank();
        assertThat(invoice.payUrl()).startsWith("https://");
    }

    @Test
    void asking_again_for_the_same_order_returns_the_same_invoice() {
        InvoiceRequest request = new InvoiceRequest(newOrder(), FIVE_DOLLARS, HOUR);
        Invoice first = gateway().createInvoice(request);

        assertThat(gateway().createInvoice(request)).isEqualTo(first);
    }

    @Test
    void another_order_gets_another_invoice() {
        Invoice one = gateway().createInvoice(new InvoiceRequest(newOrder(), FIVE_DOLLARS, HOUR));
        Invoice other = gateway().createInvoice(new InvoiceRequest(newOrder(), FIVE_DOLLARS, HOUR));

        assertThat(other.invoiceId()).isNotEqualTo(one.invoiceId());
    }

    @Test
    void an_existing_invoice_over_another_amount_or_currency_is_refused_for_good_not_used() {
        PublicOrderId order = newOrder();
        gateway().createInvoice(new InvoiceRequest(order, FIVE_DOLLARS, HOUR));

        assertRefusedForGood(new InvoiceRequest(order, Money.of("7.00", "USD"), HOUR));
        assertRefusedForGood(new InvoiceRequest(order, Money.of("5.00", "EUR"), HOUR));
    }

    @Test
    void the_gateway_knows_nothing_of_an_order_it_never_invoiced() {
        assertThat(gateway().paymentInfo(newOrder())).isEmpty();
    }

    @Test
    void a_fresh_invoice_is_pending_for_the_amount_asked_with_nothing_paid() {
        PublicOrderId order = newOrder();
        Invoice invoice = gateway().createInvoice(new InvoiceRequest(order, FIVE_DOLLARS, HOUR));

        PaymentInfo info = gateway().paymentInfo(order).orElseThrow();

        assertThat(info.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(info.invoiceId()).isEqualTo(invoice.invoiceId());
        assertThat(info.orderId()).isEqualTo(order);
        assertThat(info.invoiced()).isEqualTo(FIVE_DOLLARS);
        assertThat(info.paid()).isNull();
    }

    @Test
    void once_the_buyer_pays_in_full_the_gateway_says_paid_with_the_amount() {
        PublicOrderId order = newOrder();
        Invoice invoice = gateway().createInvoice(new InvoiceRequest(order, FIVE_DOLLARS, HOUR));

        buyerPaysInFull(order);

        PaymentInfo info = gateway().paymentInfo(order).orElseThrow();
        assertThat(info.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(info.paid()).isEqualTo(FIVE_DOLLARS);
        assertThat(info.invoiced()).isEqualTo(FIVE_DOLLARS);
        assertThat(info.invoiceId()).isEqualTo(invoice.invoiceId());
    }

    private void assertRefusedForGood(InvoiceRequest request) {
        assertThatThrownBy(() -> gateway().createInvoice(request))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.isTransient()).isFalse());
    }

    private static PublicOrderId newOrder() {
        return new PublicOrderId("vpn-" + ORDERS.incrementAndGet() + "-contract");
    }
}
