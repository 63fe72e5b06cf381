package dev.vpnbot.application.model.payment;

/** A payment's state in our words; adapters map the gateway's statuses onto these. */
public enum PaymentStatus {
    /** Nothing final yet (not paid, or paid and waiting for confirmations). */
    PENDING,
    /** Paid in full. */
    PAID,
    /** Paid more than asked: fulfilled, and the surplus recorded. */
    PAID_OVER,
    /** Paid less (or otherwise wrong): not fulfilled, the user and admins are told. */
    WRONG_AMOUNT,
    /** Cancelled, expired or failed without money. */
    FAILED,
    /** The money went back to the payer. */
    REFUNDED;

    public boolean isPaid() {
        return this == PAID || this == PAID_OVER;
    }
}
