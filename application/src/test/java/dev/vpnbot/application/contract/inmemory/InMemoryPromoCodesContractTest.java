package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractPromoCodesContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryPromoCodes;

/** The {@code PromoCodes} contract against application's in-memory fixture. */
class InMemoryPromoCodesContractTest extends AbstractPromoCodesContractTest {
    InMemoryPromoCodesContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryPromoCodes(ports.orders()));
    }
}
