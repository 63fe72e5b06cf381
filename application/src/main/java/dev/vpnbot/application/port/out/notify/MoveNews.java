package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.domain.key.VpnKey;

/**
 * Outgoing port: telling a user their key moved because an admin emptied its server (docs/MOVES.md).
 * Sent through the rate-limited sender; must not throw.
 */
public interface MoveNews {

    /** The key now lives on {@code toName}: a subscription updates itself, a raw link must be imported again (it is in the message). */
    void keyEvacuated(Recipient to, VpnKey key, String fromName, String toName);
}
