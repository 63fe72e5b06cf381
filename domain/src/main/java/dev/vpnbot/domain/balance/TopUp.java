package dev.vpnbot.domain.balance;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Money a user asked to add to the balance through an invoice. Its public id starts with
 * {@code top-}, so it can never be taken for an order's ({@code vpn-…}) at the gateway.
 *
 * @param forOrder the order paid from the balance once this is credited (balance + invoice for the rest), or null
 * @param invoice  null until the gateway issued one
 */
public record TopUp(long id, PublicOrderId publicId, UserId user, Money amount, OrderId forOrder, Invoice invoice,
                    Instant createdAt, Instant creditedAt) {
    public static final String PREFIX = "top-";

    public TopUp {
        Objects.requireNonNull(publicId, "publicId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isTopUp(publicId)) throw new IllegalArgumentException("a top-up's id starts with " + PREFIX + ": " + publicId);
        if (amount.amount().signum() <= 0) throw new IllegalArgumentException("a top-up adds more than zero, got " + amount);
    }

    public static PublicOrderId publicId(long id, String nonce) {
        return new PublicOrderId(PREFIX + id + "-" + nonce);
    }

    public static boolean isTopUp(PublicOrderId id) {
        return id.value().startsWith(PREFIX);
    }

    public TopUp withInvoice(Invoice issued) {
        return new TopUp(id, publicId, user, amount, forOrder, Objects.requireNonNull(issued), createdAt, creditedAt);
    }

    public TopUp credited(Instant at) {
        return new TopUp(id, publicId, user, amount, forOrder, invoice, createdAt, Objects.requireNonNull(at));
    }

    public boolean isCredited() {
        return creditedAt != null;
    }
}
