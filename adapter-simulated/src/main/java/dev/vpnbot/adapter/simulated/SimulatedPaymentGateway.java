package dev.vpnbot.adapter.simulated;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated payment gateway: no money moves. Its invoices point to
 * {@code sandbox-pay.invalid}, which nobody can open; the buyer "pays" with {@link #pay} and
 * friends. The sandbox runs on it (only {@code vpnbot sandbox} wires it) and so do the tests.
 *
 * <p>Like Heleket it answers a repeated order id with the invoice it already has, refuses one
 * that does not match, and uses Heleket's status words. Invoices are forgotten when the process
 * stops; orders left waiting then expire as unpaid orders do.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    private record Entry(Invoice invoice, Money amount, PaymentStatus status, Money paid) {}

    private final Map<PublicOrderId, Entry> invoices = new ConcurrentHashMap<>();
    private volatile boolean down;

    @Override
    public Invoice createInvoice(InvoiceRequest request) {
        failIfDown();
        Entry entry = invoices.computeIfAbsent(request.orderId(), id -> {
            String uuid = UUID.randomUUID().toString();
            return new Entry(new Invoice(uuid, "https://sandbox-pay.invalid/pay/" + uuid), request.amount(), PaymentStatus.PENDING, null);
        });
        if (!entry.amount().equals(request.amount())) {
            throw new PaymentGatewayException("order " + request.orderId() + " already has an invoice over " + entry.amount()
                    + ", not " + request.amount(), false);
        }
        return entry.invoice();
    }

    @Override
    public Optional<PaymentInfo> paymentInfo(PublicOrderId orderId) {
        failIfDown();
        return Optional.ofNullable(invoices.get(orderId)).map(e ->
                new PaymentInfo(e.invoice().invoiceId(), orderId, e.status(), e.amount(), e.paid(), word(e.status())));
    }

    /** Heleket's word for a status ("check" while waiting). */
    private static String word(PaymentStatus status) {
        return status == PaymentStatus.PENDING ? "check" : status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The buyer paid {@code amount}; the status follows from how it compares to the invoice. */
    public void pay(PublicOrderId orderId, Money amount) {
        invoices.computeIfPresent(orderId, (id, e) -> {
            PaymentStatus status = amount.compareTo(e.amount()) == 0 ? PaymentStatus.PAID
                    : amount.compareTo(e.amount()) > 0 ? PaymentStatus.PAID_OVER : PaymentStatus.WRONG_AMOUNT;
            return new Entry(e.invoice(), e.amount(), status, amount);
        });
    }

    public void payInFull(PublicOrderId orderId) {
        pay(orderId, invoiceFor(orderId).amount());
    }

    /**
     * The buyer pays in full and the gateway tells {@code notifications} so, the way Heleket's
     * webhook would; the bot then asks this gateway before it believes it. Returns what the bot
     * made of it.
     */
    public ConfirmPaymentUseCase.Outcome payAndNotify(PublicOrderId orderId, ConfirmPaymentUseCase notifications) {
        payInFull(orderId);
        Entry paid = invoiceFor(orderId);
        return notifications.confirm(new ConfirmPaymentCommand(paid.invoice().invoiceId(), orderId, PaymentStatus.PAID,
                paid.amount(), "paid", "{\"sandbox\":true,\"order_id\":\"" + orderId + "\",\"status\":\"paid\"}"));
    }

    public Invoice invoiceOf(PublicOrderId orderId) {
        return invoiceFor(orderId).invoice();
    }

    /** Test hook: while down, every call fails as a gateway outage (worth retrying). */
    public void goDown(boolean isDown) {
        this.down = isDown;
    }

    private Entry invoiceFor(PublicOrderId orderId) {
        Entry entry = invoices.get(orderId);
        if (entry == null) throw new IllegalArgumentException("the simulated gateway has no invoice for " + orderId);
        return entry;
    }

    private void failIfDown() {
        if (down) throw new PaymentGatewayException("gateway down (injected)", true);
    }
}
