package dev.vpnbot.adapter.postgres.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractFulfilmentJobsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.FulfilmentJobs.Job;
import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code FulfilmentJobs} contract against PostgreSQL (see also SkipLockedTest). */
@PostgresTest
class PostgresFulfilmentJobsContractTest extends AbstractFulfilmentJobsContractTest {
    PostgresFulfilmentJobsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock));
    }

    @Test
    void a_very_long_error_is_cut_to_two_thousand_characters() {
        OrderId order = order();
        ports.jobs().enqueue(order, NOW);
        ports.jobs().retryLater(order, 1, NOW, "x".repeat(10_000));

        Job job = ports.jobs().claimDue(NOW, 1, Duration.ofMinutes(1)).get(0);
        assertThat(job.lastError()).hasSize(2000);
    }
}
