package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractEnrollmentTokensContractTest;
import dev.vpnbot.application.fixtures.InMemoryEnrollmentTokens;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;

/** The {@code EnrollmentTokens} contract against application's in-memory fixture. */
class InMemoryEnrollmentTokensContractTest extends AbstractEnrollmentTokensContractTest {
    @Override
    protected EnrollmentTokens tokens() {
        return new InMemoryEnrollmentTokens();
    }
}
