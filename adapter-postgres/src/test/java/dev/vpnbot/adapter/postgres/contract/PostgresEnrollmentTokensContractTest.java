package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractEnrollmentTokensContractTest;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;

/** The {@code EnrollmentTokens} contract against PostgreSQL. */
@PostgresTest
class PostgresEnrollmentTokensContractTest extends AbstractEnrollmentTokensContractTest {
    private final PostgresPersistence db;
    private final TestSchema schema;

    PostgresEnrollmentTokensContractTest(PostgresPersistence db, TestSchema schema) {
        this.db = db;
        this.schema = schema;
    }

    @Override
    protected EnrollmentTokens tokens() {
        schema.truncateAll();
        return db.enrollmentTokens();
    }
}
