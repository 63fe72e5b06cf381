package dev.vpnbot.adapter.telegram.outbox;

import dev.vpnbot.domain.user.UserId;

/**
 * Hears from the sender that a user blocked the bot: Telegram answered 403 "blocked by the user"
 * (or "user is deactivated") in their private chat. The sender only reports it; whoever builds the
 * sender decides what it means (the bot marks the user blocked). Called on a sender thread; a
 * failure is logged and the sender goes on.
 */
@FunctionalInterface
public interface BlockedChatListener {

    void blocked(UserId user);
}
