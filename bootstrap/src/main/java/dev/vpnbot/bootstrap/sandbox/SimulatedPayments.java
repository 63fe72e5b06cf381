package dev.vpnbot.bootstrap.sandbox;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SANDBOX ONLY — a simulated payment gateway for {@code vpnbot sandbox}: no money moves. Its
 * invoices point to {@code sandbox-pay.invalid}; the sandbox user "pays" with {@link #pay},
 * which then delivers a notification the way Heleket's webhook would, through
 * {@link ConfirmPaymentUseCase} — so the bot confirms the payment with this gateway and
 * fulfils the order exactly as in production. Only the sandbox command wires it.
 *
 * <p>Like Heleket it answers a repeated order id with the invoice it already has. Invoices are
 * forgotten when the sandbox stops; orders left waiting then expire as unpaid orders do.
 */
public final class SimulatedPayments implements PaymentGateway {

    private record Entry(Invoice invoice, Money amount, PaymentStatus status, Money paid) {}

    private final Map<PublicOrderId, Entry> invoices = new ConcurrentHashMap<>();

    @Override
    public Invoice createInvoice(InvoiceRequest request) {
        return invoices.computeIfAbsent(request.orderId(), id -> {
            String uuid = UUID.randomUUID().toString();
            return new Entry(new Invoice(uuid, "https://sandbox-pay.invalid/pay/" + uuid), request.amount(), PaymentStatus.PENDING, null);
        }).invoice();
    }

    @Override
    public Optional<PaymentInfo> paymentInfo(PublicOrderId orderId) {
        return Optional.ofNullable(invoices.get(orderId)).map(e -> new PaymentInfo(e.invoice().invoiceId(), orderId, e.status(),
                e.amount(), e.paid(), e.status() == PaymentStatus.PAID ? "paid" : "check"));
    }

    /**
     * The sandbox user pays the invoice in full; the simulated notification goes to
     * {@code notifications}. Returns what the bot made of it.
     */
    public ConfirmPaymentUseCase.Outcome pay(PublicOrderId orderId, ConfirmPaymentUseCase notifications) {
        Entry paid = invoices.computeIfPresent(orderId, (id, e) -> new Entry(e.invoice(), e.amount(), PaymentStatus.PAID, e.amount()));
        if (paid == null) throw new IllegalArgumentException("the sandbox gateway has no invoice for " + orderId);
        return notifications.confirm(new ConfirmPaymentCommand(paid.invoice().invoiceId(), orderId, PaymentStatus.PAID,
                paid.amount(), "paid", "{\"sandbox\":true,\"order_id\":\"" + orderId + "\",\"status\":\"paid\"}"));
    }
}
