package dev.vpnbot.adapter.postgres.contract;

/** The {@code ConversationStates} contract against application's in-memory fixture. */
class InMemoryConversationStatesContractTest extends AbstractConversationStatesContractTest {
    InMemoryConversationStatesContractTest() {
        super(Persistence::inMemory);
    }
}
