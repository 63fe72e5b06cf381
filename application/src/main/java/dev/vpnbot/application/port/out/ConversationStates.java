package dev.vpnbot.application.port.out;

import java.util.Optional;

/**
 * Outgoing port: where each chat stands in a multi-step flow (buying, support message…), kept
 * in the database so a restart or a second bot instance keeps the user's place. The state is
 * an opaque string that the Telegram adapter writes and reads.
 */
public interface ConversationStates {
    Optional<String> find(long chatId);

    void save(long chatId, String state);

    void clear(long chatId);
}
