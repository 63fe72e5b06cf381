package dev.vpnbot.adapter.telegram.outbox;

/** How a call ends when its chat blocked the bot (Telegram's 403); the 403 itself is the cause, if there was one. */
public final class ChatBlocked extends IllegalStateException {
    public ChatBlocked(long chatId, Throwable cause) {
        super("chat " + chatId + " blocked the bot", cause);
    }
}
