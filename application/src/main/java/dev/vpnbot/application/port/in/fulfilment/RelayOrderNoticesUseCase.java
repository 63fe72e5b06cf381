package dev.vpnbot.application.port.in.fulfilment;

/**
 * Use case: hands the buyer's order notices (key ready, key extended, payment too low) from the
 * outbox to the messenger, and settles the ones it confirmed or refused. Run on a timer; also
 * picks up what a crashed process had claimed once its lease ended.
 */
public interface RelayOrderNoticesUseCase {

    /** Settles what the messenger answered since the last call and sends what is due; returns both counts together. */
    int relayDue();
}
