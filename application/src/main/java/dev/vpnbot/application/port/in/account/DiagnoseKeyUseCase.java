package dev.vpnbot.application.port.in.account;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;

/**
 * Use case: "my VPN doesn't work". Checks the key in our database and its client on the panel
 * (which is also the server's health check: a panel that does not answer is a server down) and
 * gives the first cause found, in the order of {@link Verdict}.
 */
public interface DiagnoseKeyUseCase {

    /** What is wrong, first cause first; each has one next step for the user. */
    enum Verdict {
        /** the paid time is over (or an admin switched the key off): extend */
        EXPIRED,
        /** the panel did not answer in time: the server is down, support is told */
        SERVER_DOWN,
        /** the panel answered but has no client for the key: support */
        NOT_ON_PANEL,
        /** the quota is used up: extend (a renewal starts it afresh) */
        TRAFFIC_USED_UP,
        /** the panel has the client switched off: support */
        SWITCHED_OFF,
        /** the key never moved a byte: the connection steps for the user's platform */
        NEVER_CONNECTED,
        /** nothing wrong found: a support ticket with this diagnosis */
        ALL_FINE
    }

    /** @param usage what the panel reported; null when it did not answer */
    record Diagnosis(KeyId key, Verdict verdict, PanelUsage usage) {}

    /** The diagnosis of one of the user's own keys; empty for a key that is not theirs. */
    Optional<Diagnosis> diagnose(UserId user, KeyId key);
}
