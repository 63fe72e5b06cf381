package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractPaymentEventsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;

/** The {@code PaymentEvents} contract against application's in-memory fixture. */
class InMemoryPaymentEventsContractTest extends AbstractPaymentEventsContractTest {
    InMemoryPaymentEventsContractTest() {
        super(Persistence::inMemory);
    }
}
