package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.domain.key.VpnKey;

/** Outgoing port: the one "need help connecting?" message about a key that never connected. */
public interface ConnectHelp {

    /** Sends it on the lane for messages the bot sends on its own; a user who blocked the bot gets nothing. */
    void offer(Recipient to, VpnKey key, String serverName);
}
