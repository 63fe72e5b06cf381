package dev.vpnbot.adapter.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The resolver's rule when no database can be found: skip on a developer's machine, fail in CI. */
class TestDatabaseTest {

    @Test
    void without_a_database_a_test_is_skipped_on_a_developers_machine() {
        assertThat(TestDatabase.missing("no database", null)).isInstanceOf(TestAbortedException.class);
        assertThat(TestDatabase.missing("no database", "false")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void without_a_database_a_test_fails_in_ci_and_says_why() {
        assertThat(TestDatabase.missing("no database", "true"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no database (CI=true: database tests must not be skipped)");
    }

    @Test
    void every_test_class_gets_a_schema_of_its_own() {
        TestDatabase database = TestDatabase.get();
        assertThat(database.newSchema().name()).isNotEqualTo(database.newSchema().name()).startsWith("vpnbot_test_");
    }
}
