package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractConversationStatesContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code ConversationStates} contract against application's in-memory fixture. */
class InMemoryConversationStatesContractTest extends AbstractConversationStatesContractTest {
    InMemoryConversationStatesContractTest() {
        super(Persistence::inMemory);
    }
}
