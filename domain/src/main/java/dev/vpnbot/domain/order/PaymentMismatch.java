package dev.vpnbot.domain.order;

import dev.vpnbot.domain.money.Money;

/** A payment that does not cover the order: another currency, or less than the price. */
public class PaymentMismatch extends RuntimeException {
    private final Money expected;
    private final Money received;

    public PaymentMismatch(Money expected, Money received) {
        super("order costs " + expected + " but " + received + " was paid");
        this.expected = expected;
        this.received = received;
    }

    public Money expected() {
        return expected;
    }

    public Money received() {
        return received;
    }
}
