package dev.vpnbot.adapter.heleket;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PublicOrderId;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound adapter: Heleket's payment webhook, {@code POST /webhooks/heleket}. Framework-free:
 * the HTTP server hands over the body (already held to its size limit and to POST) and the
 * sender's address (already resolved behind our own proxies), and sends back the
 * {@link WebhookReply}.
 *
 * <p>Order of checks: sender address (403), JSON (400), sign (401); only then is the
 * notification handed to {@link ConfirmPaymentUseCase}, which asks Heleket directly before it
 * believes any "paid". Refused input changes nothing. Every correctly signed notification is
 * answered 200, also when we ignore it, so Heleket stops retrying; only "Heleket could not be
 * asked back" is answered 503, so it retries.
 */
public final class HeleketWebhook {
    public static final String PATH = "/webhooks/heleket";
    private static final Logger LOG = LoggerFactory.getLogger(HeleketWebhook.class);

    private final List<IpRange> senders;
    private final WebhookSignature signature;
    private final ConfirmPaymentUseCase payments;

    public HeleketWebhook(HeleketSettings settings, ConfirmPaymentUseCase payments) {
        Objects.requireNonNull(settings, "settings");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.senders = settings.webhookSenders();
        this.signature = new WebhookSignature(settings.apiKey());
        if (senders.isEmpty()) {
            LOG.warn("Heleket webhook accepts any sender address: only the sign protects it");
        }
    }

    /**
     * One delivery.
     *
     * @param sender who sent it, as the server resolved it; empty when a proxy of ours forwarded
     *               something that is not an address, so nobody can say
     */
    public WebhookReply handle(byte[] body, Optional<InetAddress> sender) {
        Objects.requireNonNull(body, "body");
        return refuseSender(sender).orElseGet(() -> verified(body, sender.orElseThrow()));
    }

    /**
     * The sender check alone, for a server that asks before it reads the body: a 403 for an
     * address Heleket does not send from, empty when the sender may go on.
     */
    public Optional<WebhookReply> refuseSender(Optional<InetAddress> sender) {
        Objects.requireNonNull(sender, "sender");
        if (sender.isEmpty()) {
            LOG.warn("Heleket webhook refused (403): sender unknown, a proxy of ours forwarded an X-Forwarded-For that is not an IP address");
            return Optional.of(new WebhookReply(403, "forbidden"));
        }
        InetAddress from = sender.get();
        if (!mayCall(from)) {
            LOG.warn("Heleket webhook refused (403): sender {} is not an allowed Heleket address", from.getHostAddress());
            return Optional.of(new WebhookReply(403, "forbidden"));
        }
        return Optional.empty();
    }

    private boolean mayCall(InetAddress sender) {
        return senders.isEmpty() || senders.stream().anyMatch(r -> r.contains(sender));
    }

    private WebhookReply verified(byte[] body, InetAddress sender) {
        ReceivedJson.Obj fields;
        try {
            fields = signature.verify(body);
        } catch (WebhookSignature.Refused e) {
            boolean forged = e.flaw() == WebhookSignature.Flaw.FORGED || e.flaw() == WebhookSignature.Flaw.UNSIGNED;
            int status = forged ? 401 : 400;
            LOG.warn("Heleket webhook refused ({}): {} (from {}, {} bytes)", status, e.getMessage(), sender.getHostAddress(), body.length);
            return new WebhookReply(status, forged ? "invalid sign" : "malformed");
        }

        Notification notification;
        try {
            notification = Notification.of(fields);
        } catch (IllegalArgumentException e) {
            LOG.warn("Heleket webhook refused (400): signed but unusable: {}", e.getMessage());
            return new WebhookReply(400, "malformed");
        }
        if (!"payment".equals(notification.type())) {
            LOG.info("Heleket webhook of type '{}' for order {} ignored: we only issue invoices", notification.type(), notification.orderId());
            return new WebhookReply(200, "ignored");
        }
        PublicOrderId orderId;
        try {
            orderId = new PublicOrderId(notification.orderId());
        } catch (IllegalArgumentException e) {
            LOG.warn("Heleket webhook for order id '{}' ignored: not one of ours (invoice {})", notification.orderId(), notification.invoiceId());
            return new WebhookReply(200, "unknown order");
        }
        PaymentStatus status = HeleketStatus.toPaymentStatus(notification.rawStatus());
        ConfirmPaymentCommand command = new ConfirmPaymentCommand(notification.invoiceId(), orderId, status,
                notification.paid(status), notification.rawStatus(), new String(body, StandardCharsets.UTF_8));
        try {
            Outcome outcome = payments.confirm(command);
            if (outcome == Outcome.GATEWAY_UNREACHABLE) {
                LOG.warn("Heleket webhook for order {} not applied, Heleket will retry (503): Heleket could not be asked back", orderId);
                return new WebhookReply(503, "retry later");
            }
            if (outcome == Outcome.GATEWAY_ANSWER_UNUSABLE) {
                LOG.error("Heleket webhook for order {} not applied (500): Heleket's answer could not be used", orderId);
                return new WebhookReply(500, "not applied");
            }
            LOG.info("Heleket webhook: order {} invoice {} status {} -> {}", orderId, notification.invoiceId(), notification.rawStatus(), outcome);
            return new WebhookReply(200, outcome.name());
        } catch (RuntimeException e) {
            LOG.error("Heleket webhook for order {} failed (500)", orderId, e);
            return new WebhookReply(500, "not applied");
        }
    }

    /** The fields of a verified notification that we act on. */
    private record Notification(String type, String invoiceId, String orderId, String rawStatus, InvoiceFigures figures) {

        static Notification of(ReceivedJson.Obj fields) {
            String type = text(fields, "type");
            return new Notification(type == null ? "payment" : type, required(fields, "uuid"), required(fields, "order_id"),
                    required(fields, "status"),
                    new InvoiceFigures(text(fields, "amount"), text(fields, "currency"), text(fields, "payment_amount"),
                            text(fields, "payer_amount"), text(fields, "payer_currency"), text(fields, "payment_amount_usd")));
        }

        /** What the notification says was paid, for the record; the core asks Heleket before it counts. */
        Money paid(PaymentStatus status) {
            try {
                return figures.paid(status);
            } catch (IllegalArgumentException e) {
                LOG.warn("Heleket webhook for order {}: amount not readable ({}): passed on without one", orderId, e.getMessage());
                return null;
            }
        }

        private static String required(ReceivedJson.Obj fields, String name) {
            String value = text(fields, name);
            if (value == null || value.isBlank()) throw new IllegalArgumentException("'" + name + "' is missing");
            return value;
        }

        private static String text(ReceivedJson.Obj fields, String name) {
            ReceivedJson value = fields.get(name).orElse(null);
            if (value == null || value instanceof ReceivedJson.Null) return null;
            if (value instanceof ReceivedJson.Str s) return s.value();
            if (value instanceof ReceivedJson.Num n) return n.lexeme();
            throw new IllegalArgumentException("'" + name + "' is not a string");
        }
    }
}
