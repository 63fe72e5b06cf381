package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code ConversationStates} contract, for every implementation. */
public abstract class AbstractConversationStatesContractTest extends PersistenceContract {

    protected AbstractConversationStatesContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @Test
    void a_chat_without_state_has_none() {
        assertThat(ports.conversationStates().find(42)).isEmpty();
    }

    @Test
    void a_saved_state_comes_back_and_a_newer_one_replaces_it() {
        ports.conversationStates().save(42, "buy:choose-tariff");
        assertThat(ports.conversationStates().find(42)).contains("buy:choose-tariff");

        String json = "{\"flow\":\"support\",\"draft\":\"Не работает ключ 🙁\"}";
        ports.conversationStates().save(42, json);
        assertThat(ports.conversationStates().find(42)).contains(json);
    }

    @Test
    void chats_are_kept_apart_including_group_chats_with_negative_ids() {
        ports.conversationStates().save(42, "a");
        ports.conversationStates().save(-1001234567890L, "b");

        assertThat(ports.conversationStates().find(42)).contains("a");
        assertThat(ports.conversationStates().find(-1001234567890L)).contains("b");
    }

    @Test
    void clearing_forgets_the_state_of_that_chat_only() {
        ports.conversationStates().save(42, "a");
        ports.conversationStates().save(43, "b");
        ports.conversationStates().clear(42);
        ports.conversationStates().clear(44); // nothing there: harmless

        assertThat(ports.conversationStates().find(42)).isEmpty();
        assertThat(ports.conversationStates().find(43)).contains("b");
    }
}
