package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractGiftsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryGifts;

/** The {@code Gifts} contract against application's in-memory fixture. */
class InMemoryGiftsContractTest extends AbstractGiftsContractTest {
    InMemoryGiftsContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryGifts());
    }
}
