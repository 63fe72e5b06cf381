package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.application.port.out.ConversationStates;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Conversation}s through the port; an unreadable state is cleared. */
public final class Conversations {
    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
    private final ConversationStates states;

    public Conversations(ConversationStates states) {
        this.states = states;
    }

    public Optional<Conversation> of(long chatId) {
        Optional<String> stored = states.find(chatId);
        Optional<Conversation> conversation = stored.flatMap(Conversation::decode);
        if (stored.isPresent() && conversation.isEmpty()) {
            LOG.info("chat {}: unreadable conversation state dropped", chatId);
            states.clear(chatId);
        }
        return conversation;
    }

    public boolean is(long chatId, Conversation.Step step) {
        return of(chatId).map(c -> c.step() == step).orElse(false);
    }

    public void set(long chatId, Conversation conversation) {
        states.save(chatId, conversation.encode());
    }

    public void clear(long chatId) {
        states.clear(chatId);
    }
}
