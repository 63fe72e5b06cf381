package dev.vpnbot.application.port.out.payment;

/** The gateway could not be asked, or answered something we must not act on. */
public class PaymentGatewayException extends RuntimeException {
    private final boolean transientFault;

    public PaymentGatewayException(String message, boolean transientFault, Throwable cause) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    public PaymentGatewayException(String message, boolean transientFault) {
        this(message, transientFault, null);
    }

    /** True for network errors and 5xx: asking again later may work. */
    public boolean isTransient() {
        return transientFault;
    }
}
