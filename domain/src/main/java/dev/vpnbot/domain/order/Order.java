package dev.vpnbot.domain.order;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's purchase: a tariff snapshot, what it is for, and where the payment stands.
 * Immutable; every transition returns a new Order and throws {@link IllegalOrderTransition}
 * when the state machine in {@link OrderStatus} does not allow it.
 *
 * @param paymentDeadline when the invoice expires; equals the invoice lifetime
 * @param invoice         null until the gateway has issued one
 * @param amountPaid      what the gateway says was paid (may exceed the price), null before
 * @param keyId           the key this order created or extends (set for renewals from the start)
 * @param grantedUntil    the key expiry this order bought, written once when it is applied,
 *                        so a retried fulfilment never extends twice
 * @param paidVia         how it was paid; null before (and for orders paid before this was recorded)
 */
public record Order(OrderId id, PublicOrderId publicId, UserId userId, TariffSnapshot tariff,
                    OrderPurpose purpose, OrderStatus status, Instant paymentDeadline,
                    Instant createdAt, Instant paidAt, Instant fulfilledAt, Invoice invoice,
                    Money amountPaid, KeyId keyId, Instant grantedUntil, PaymentMethod paidVia) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicId, "publicId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentDeadline, "paymentDeadline");
        Objects.requireNonNull(createdAt, "createdAt");
        paymentDeadline = millis(paymentDeadline);
        createdAt = millis(createdAt);
        paidAt = millis(paidAt);
        fulfilledAt = millis(fulfilledAt);
        grantedUntil = millis(grantedUntil);
        if (status.isPaid() && (paidAt == null || amountPaid == null)) {
            throw new IllegalArgumentException("a paid order records when and how much was paid");
        }
        if (status == OrderStatus.FULFILLED && (fulfilledAt == null || keyId == null)) {
            throw new IllegalArgumentException("a fulfilled order names its key and when it was delivered");
        }
        if (purpose instanceof OrderPurpose.Renewal renewal && !renewal.keyId().equals(keyId)) {
            throw new IllegalArgumentException("a renewal order carries the key it renews");
        }
    }

    /** An order whose payment method is not known (unpaid, or paid before methods were recorded). */
    public Order(OrderId id, PublicOrderId publicId, UserId userId, TariffSnapshot tariff, OrderPurpose purpose,
                 OrderStatus status, Instant paymentDeadline, Instant createdAt, Instant paidAt, Instant fulfilledAt,
                 Invoice invoice, Money amountPaid, KeyId keyId, Instant grantedUntil) {
        this(id, publicId, userId, tariff, purpose, status, paymentDeadline, createdAt, paidAt, fulfilledAt, invoice,
                amountPaid, keyId, grantedUntil, null);
    }

    /** A new order, not yet sent to the gateway. */
    public static Order place(OrderId id, PublicOrderId publicId, UserId userId, TariffSnapshot tariff,
                              OrderPurpose purpose, Instant now, Duration paymentWindow) {
        KeyId key = purpose instanceof OrderPurpose.Renewal r ? r.keyId() : null;
        return new Order(id, publicId, userId, tariff, purpose, OrderStatus.CREATED, now.plus(paymentWindow),
                now, null, null, null, null, key, null);
    }

    public Money price() {
        return tariff.price();
    }

    public boolean isRenewal() {
        return purpose instanceof OrderPurpose.Renewal;
    }

    public boolean isPastDeadline(Instant now) {
        return !paymentDeadline.isAfter(now);
    }

    /** Overpayment, if any: recorded, never refunded automatically. */
    public Optional<Money> overpayment() {
        if (amountPaid == null || !amountPaid.sameCurrencyAs(price())) return Optional.empty();
        return amountPaid.compareTo(price()) > 0 ? Optional.of(amountPaid.minus(price())) : Optional.empty();
    }

    public Order awaitPayment(Invoice newInvoice) {
        Objects.requireNonNull(newInvoice, "invoice");
        requireStatus(OrderStatus.AWAITING_PAYMENT, OrderStatus.CREATED);
        return copy(OrderStatus.AWAITING_PAYMENT, newInvoice, paidAt, amountPaid, fulfilledAt, keyId, grantedUntil);
    }

    /**
     * Accepts a confirmed payment. Throws {@link PaymentMismatch} when it is in another currency
     * or less than the price; more than the price is fine (the surplus is kept on record).
     */
    public Order pay(Money paid, Instant at) {
        return pay(paid, at, PaymentMethod.CRYPTO);
    }

    /** As {@link #pay(Money, Instant)}, recording how it was paid. */
    public Order pay(Money paid, Instant at, PaymentMethod via) {
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(via, "via");
        if (!status.canBePaid()) throw new IllegalOrderTransition(this, OrderStatus.PAID);
        if (!paid.sameCurrencyAs(price()) || !paid.isAtLeast(price())) {
            throw new PaymentMismatch(price(), paid);
        }
        return new Order(id, publicId, userId, tariff, purpose, OrderStatus.PAID, paymentDeadline, createdAt,
                at, fulfilledAt, invoice, paid, keyId, grantedUntil, via);
    }

    /** The Stars price the buyer was shown, fixed when the order was placed; empty when Stars were not on offer. */
    public Optional<Stars> starsPrice() {
        return Optional.ofNullable(tariff.stars());
    }

    /** The gateway says the user sent the wrong amount: nothing is delivered, the user is told. */
    public Order underpaid(Money paid) {
        requireStatus(OrderStatus.UNDERPAID, OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT,
                OrderStatus.EXPIRED, OrderStatus.CANCELLED, OrderStatus.UNDERPAID);
        return copy(OrderStatus.UNDERPAID, invoice, paidAt, paid, fulfilledAt, keyId, grantedUntil);
    }

    public Order cancel() {
        requireStatus(OrderStatus.CANCELLED, OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT);
        return copy(OrderStatus.CANCELLED, invoice, paidAt, amountPaid, fulfilledAt, keyId, grantedUntil);
    }

    public Order expire() {
        requireStatus(OrderStatus.EXPIRED, OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT);
        return copy(OrderStatus.EXPIRED, invoice, paidAt, amountPaid, fulfilledAt, keyId, grantedUntil);
    }

    /** Records the key and the expiry this order grants, once; applying it again is refused. */
    public Order grant(KeyId key, Instant until) {
        requireStatus(OrderStatus.PAID, OrderStatus.PAID);
        if (grantedUntil != null) throw new IllegalStateException("order " + id + " already granted its time");
        if (keyId != null && !keyId.equals(key)) throw new IllegalArgumentException("order " + id + " is for key " + keyId);
        return copy(status, invoice, paidAt, amountPaid, fulfilledAt, key, until);
    }

    public boolean isGranted() {
        return grantedUntil != null;
    }

    public Order fulfil(Instant at) {
        requireStatus(OrderStatus.FULFILLED, OrderStatus.PAID);
        if (grantedUntil == null) throw new IllegalStateException("order " + id + " was never granted");
        return copy(OrderStatus.FULFILLED, invoice, paidAt, amountPaid, at, keyId, grantedUntil);
    }

    private void requireStatus(OrderStatus target, OrderStatus... allowed) {
        for (OrderStatus s : allowed) {
            if (status == s) return;
        }
        throw new IllegalOrderTransition(this, target);
    }

    private Order copy(OrderStatus newStatus, Invoice newInvoice, Instant newPaidAt, Money newPaid,
                       Instant newFulfilledAt, KeyId newKey, Instant newGranted) {
        return new Order(id, publicId, userId, tariff, purpose, newStatus, paymentDeadline, createdAt,
                newPaidAt, newFulfilledAt, newInvoice, newPaid, newKey, newGranted, paidVia);
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
