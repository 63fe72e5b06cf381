package dev.vpnbot.adapter.postgres.contract;

/** The {@code PaymentEvents} contract against application's in-memory fixture. */
class InMemoryPaymentEventsContractTest extends AbstractPaymentEventsContractTest {
    InMemoryPaymentEventsContractTest() {
        super(Persistence::inMemory);
    }
}
