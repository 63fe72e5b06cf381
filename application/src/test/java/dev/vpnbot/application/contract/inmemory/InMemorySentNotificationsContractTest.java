package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractSentNotificationsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code SentNotifications} contract against application's in-memory fixture. */
class InMemorySentNotificationsContractTest extends AbstractSentNotificationsContractTest {
    InMemorySentNotificationsContractTest() {
        super(Persistence::inMemory);
    }
}
