package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractConversationStatesContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code ConversationStates} contract against PostgreSQL. */
@PostgresTest
class PostgresConversationStatesContractTest extends AbstractConversationStatesContractTest {
    PostgresConversationStatesContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock));
    }
}
