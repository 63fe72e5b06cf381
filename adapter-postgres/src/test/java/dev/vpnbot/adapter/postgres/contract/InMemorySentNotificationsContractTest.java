package dev.vpnbot.adapter.postgres.contract;

/** The {@code SentNotifications} contract against application's in-memory fixture. */
class InMemorySentNotificationsContractTest extends AbstractSentNotificationsContractTest {
    InMemorySentNotificationsContractTest() {
        super(Persistence::inMemory);
    }
}
