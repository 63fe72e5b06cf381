package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.user.UserId;

/**
 * Use case: the messenger said the user blocked the bot. We stop writing to them until they
 * talk to us again (registration unblocks). Unknown users are ignored: there is nothing to mark.
 */
public interface MarkUserBlockedUseCase {
    void markBlocked(UserId userId);
}
