package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TcpProxy;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.user.UserId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A refused, lost or rejected connection ends in one clear sentence, not in a stack-trace soup. */
@PostgresTest
class ConnectionFailureTest {
    private static final Duration QUICK = Duration.ofSeconds(1);

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // free again once closed: nobody listens there
        }
    }

    /** The pool re-opens connections in its own time once the server answers again. */
    private static <T> T eventually(java.util.function.Supplier<T> call) {
        DatabaseUnavailable last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return call.get();
            } catch (DatabaseUnavailable e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    @Test
    void a_refused_connection_names_host_port_database_and_cause() throws IOException {
        int port = closedPort();
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/vpnbot", "vpnbot", "secret-pw")
                .withConnectionTimeout(QUICK);

        assertThatThrownBy(() -> PostgresPersistence.open(nowhere, TestDatabase.SECRET_KEY, Clock.systemUTC()))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessage("PostgreSQL at 127.0.0.1:" + port + ", database 'vpnbot', is unavailable: "
                        + "connection refused (is the server running and listening on that address?)");
        assertThatThrownBy(() -> PostgresPersistence.migrate(nowhere))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("connection refused")
                .hasMessageNotContaining("secret-pw");
    }

    @Test
    void an_unknown_login_or_database_is_named_as_such(TestSchema schema) {
        DatabaseSettings unknownUser = schema.settings().withLogin("nobody_" + System.nanoTime(), "x").withConnectionTimeout(QUICK);
        assertThatThrownBy(() -> PostgresPersistence.open(unknownUser, TestDatabase.SECRET_KEY, Clock.systemUTC()))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining(schema.settings().host() + ":" + schema.settings().port())
                .hasMessageContaining("login refused for user 'nobody_");

        String url = schema.settings().jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/no_such_db_" + System.nanoTime() + "$1");
        DatabaseSettings unknownDatabase = new DatabaseSettings(url, schema.settings().user(), schema.settings().password())
                .withConnectionTimeout(QUICK);
        assertThatThrownBy(() -> PostgresPersistence.migrate(unknownDatabase))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("database 'no_such_db_")
                .hasMessageEndingWith("the database does not exist");
    }

    @Test
    void a_connection_lost_while_running_gives_a_clear_error_and_the_pool_recovers_when_the_server_is_back(
            TestSchema schema, MutableClock clock) throws IOException {
        DatabaseSettings direct = schema.settings();
        try (TcpProxy proxy = new TcpProxy(direct.host(), Integer.parseInt(direct.port()))) {
            String viaProxy = direct.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            DatabaseSettings settings = new DatabaseSettings(viaProxy, direct.user(), direct.password())
                    .withSchema(direct.schema()).withConnectionTimeout(QUICK).withMaxPoolSize(2);
            try (PostgresPersistence db = PostgresPersistence.open(settings, TestDatabase.SECRET_KEY, clock)) {
                db.users().save(UserMother.russian(42));

                proxy.cut();

                String expectedStart = "PostgreSQL at 127.0.0.1:" + proxy.port() + ", database '" + direct.database() + "', is unavailable: ";
                assertThatThrownBy(() -> db.users().find(new UserId(42)))
                        .isInstanceOf(DatabaseUnavailable.class).hasMessageStartingWith(expectedStart);
                assertThatThrownBy(() -> db.transactions().run(() -> db.users().save(UserMother.russian(43))))
                        .isInstanceOf(DatabaseUnavailable.class).hasMessageStartingWith(expectedStart);
                assertThatThrownBy(db::ping).isInstanceOf(DatabaseUnavailable.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

                proxy.restore();

                assertThat(eventually(() -> db.users().find(new UserId(42)))).isPresent();
                assertThat(db.users().find(new UserId(43))).isEmpty();
            }
        }
    }
}
