package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.ConversationStates;
import java.util.Objects;
import java.util.Optional;

/** Persistence adapter: each chat's place in a multi-step flow, in {@code conversation_states}. */
final class PostgresConversationStates implements ConversationStates {
    private final Database db;

    PostgresConversationStates(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> find(long chatId) {
        return db.withHandle(h -> h.createQuery("SELECT state FROM conversation_states WHERE chat_id = :chat")
                .bind("chat", chatId).mapTo(String.class).findOne());
    }

    @Override
    public void save(long chatId, String state) {
        Objects.requireNonNull(state, "state");
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO conversation_states (chat_id, state, updated_at) VALUES (:chat, :state, now())
                        ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at""")
                .bind("chat", chatId).bind("state", state).execute());
    }

    @Override
    public void clear(long chatId) {
        db.withHandle(h -> h.createUpdate("DELETE FROM conversation_states WHERE chat_id = :chat").bind("chat", chatId).execute());
    }
}
