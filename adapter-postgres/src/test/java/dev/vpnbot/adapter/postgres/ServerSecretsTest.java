package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresExtension;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Panel passwords and tokens are encrypted at rest: the database never holds them in clear. */
@PostgresTest
class ServerSecretsTest {
    private static final String PASSWORD = "Panel-Pa55word!";
    private static final String TWO_FACTOR = "482913";

    private PostgresPersistence db;
    private TestSchema schema;
    private Server server;

    @BeforeEach
    void serverWithPassword(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.db = db;
        this.schema = schema;
        schema.truncateAll();
        clock.set(PostgresExtension.CLOCK_START);
        server = new Server(new ServerId(7), "Frankfurt",
                new PanelConnection("https://de.example.com:2053/Xq9secret/", new PanelCredentials.Password("admin", PASSWORD, TWO_FACTOR), null),
                1, true, 100, 0);
        db.servers().save(server);
    }

    @Test
    void no_column_of_the_row_holds_the_password_or_two_factor_code_in_clear() {
        String wholeRow = schema.queryString("SELECT s::text FROM servers s WHERE id = 7");
        String secretHex = schema.queryString("SELECT encode(panel_secret, 'hex') FROM servers WHERE id = 7");

        assertThat(wholeRow).doesNotContain(PASSWORD).doesNotContain(TWO_FACTOR).contains("admin");
        assertThat(secretHex).doesNotContain(HexFormat.of().formatHex(PASSWORD.getBytes()));
        assertThat(secretHex).startsWith("01").hasSize(2 * (1 + 12 + PASSWORD.length() + 16));
    }

    @Test
    void saving_the_same_password_again_stores_different_ciphertext() {
        String before = schema.queryString("SELECT encode(panel_secret, 'hex') FROM servers WHERE id = 7");
        db.servers().save(server);

        assertThat(schema.queryString("SELECT encode(panel_secret, 'hex') FROM servers WHERE id = 7")).isNotEqualTo(before);
        assertThat(db.servers().find(server.id())).contains(server);
    }

    @Test
    void with_another_key_the_server_cannot_be_read_and_the_error_says_which_secret_not_what_it_is(MutableClock clock) {
        byte[] otherKey = new byte[32];
        try (PostgresPersistence wrongKey = PostgresPersistence.connect(schema.settings(), otherKey, clock)) {
            assertThatThrownBy(() -> wrongKey.servers().find(server.id()))
                    .isInstanceOf(SecretBox.SecretNotReadable.class)
                    .hasMessageContaining("servers/7/panel_secret")
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    @Test
    void a_ciphertext_copied_onto_another_server_does_not_open_there() {
        Server other = new Server(new ServerId(8), "Amsterdam",
                new PanelConnection("https://nl.example.com/x/", new PanelCredentials.ApiToken("other-token"), null), 1, true, 100, 0);
        db.servers().save(other);
        schema.execute("UPDATE servers SET panel_secret = (SELECT panel_secret FROM servers WHERE id = 7) WHERE id = 8");

        assertThatThrownBy(() -> db.servers().find(other.id())).isInstanceOf(SecretBox.SecretNotReadable.class);
        assertThat(db.servers().find(server.id())).contains(server);
    }
}
