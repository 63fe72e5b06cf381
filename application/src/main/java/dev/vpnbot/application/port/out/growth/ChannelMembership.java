package dev.vpnbot.application.port.out.growth;

import dev.vpnbot.domain.user.UserId;

/** Outgoing port: Telegram's word on whether a user is in a channel (the trial's channel gate). */
public interface ChannelMembership {

    /**
     * @param channel @name or numeric id of the channel
     * @throws IllegalStateException when Telegram cannot tell (not reachable, the bot is not in the channel)
     */
    boolean isMember(String channel, UserId user);
}
