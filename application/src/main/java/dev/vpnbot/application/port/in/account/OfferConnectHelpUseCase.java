package dev.vpnbot.application.port.in.account;

/**
 * Use case (a timer): a key that moved no traffic 24 hours after it was made gets one "need help
 * connecting?" message, never a second one.
 */
public interface OfferConnectHelpUseCase {

    /** Checks the keys that are due; returns how many offers went out. */
    int offerDue();
}
