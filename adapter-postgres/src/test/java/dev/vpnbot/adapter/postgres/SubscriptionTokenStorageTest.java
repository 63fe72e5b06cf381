package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import java.time.Clock;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How subscription tokens are kept: a seed and a hash, never the token; existing keys get a seed in V8. */
@Tag("postgres")
class SubscriptionTokenStorageTest {

    @Test
    void keys_sold_before_version_8_get_distinct_seeds_and_working_tokens() {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            Flyway.configure().dataSource(schema.settings().jdbcUrl(), schema.settings().user(), schema.settings().password())
                    .schemas(schema.name()).locations("classpath:db/migration").target("4").load().migrate();
            schema.execute("INSERT INTO users (id, first_name, language, registered_at) VALUES (77, 'Old', 'RU', now())");
            schema.execute("""
                    INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret, inbound_id, is_active, max_clients)
                    VALUES (1, 'Old', 'https://p.example/', 'password', 'admin', '\\x00', 1, true, 10)""");
            for (int k = 1; k <= 3; k++) {
                schema.execute("INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status, created_at)"
                        + " VALUES (" + k + ", 77, 1, gen_random_uuid(), 'e" + k + "', 's" + k + "', now(), 'PROVISIONING', now())");
            }

            PostgresPersistence.migrate(schema.settings());

            assertThat(schema.queryLong("SELECT count(DISTINCT sub_token_seed) FROM vpn_keys WHERE length(sub_token_seed) = 32")).isEqualTo(3);
            try (PostgresPersistence db = PostgresPersistence.connect(schema.settings(), TestDatabase.SECRET_KEY, Clock.systemUTC())) {
                SubscriptionToken token = db.subscriptionTokens().tokenOf(new KeyId(2)).orElseThrow();
                assertThat(db.subscriptionTokens().keyOf(token)).contains(new KeyId(2));
            }
        } finally {
            schema.drop();
        }
    }

    @Test
    void the_row_holds_the_tokens_hash_and_never_the_token() {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            PostgresPersistence.migrate(schema.settings());
            schema.execute("INSERT INTO users (id, first_name, language, registered_at) VALUES (77, 'Old', 'RU', now())");
            schema.execute("""
                    INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret, inbound_id, is_active, max_clients)
                    VALUES (1, 'Old', 'https://p.example/', 'password', 'admin', '\\x00', 1, true, 10)""");
            schema.execute("INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status, created_at)"
                    + " VALUES (5, 77, 1, gen_random_uuid(), 'e5', 's5', now(), 'PROVISIONING', now())");
            try (PostgresPersistence db = PostgresPersistence.connect(schema.settings(), TestDatabase.SECRET_KEY, Clock.systemUTC())) {
                SubscriptionToken token = db.subscriptionTokens().replace(new KeyId(5));
                String row = schema.queryString("SELECT row_to_json(k)::text FROM vpn_keys k WHERE id = 5");
                assertThat(row).doesNotContain(token.value()).doesNotContain(HexFormat.of().formatHex(token.value().getBytes()));
                assertThat(schema.queryString("SELECT encode(sub_token_hash, 'hex') FROM vpn_keys WHERE id = 5"))
                        .isEqualTo(HexFormat.of().formatHex(PostgresSubscriptionTokens.hash(token)));
            }
        } finally {
            schema.drop();
        }
    }

    @Test
    void a_page_of_tokens_is_read_at_once_and_matches_the_tokens_one_by_one() {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            PostgresPersistence.migrate(schema.settings());
            schema.execute("INSERT INTO users (id, first_name, language, registered_at) VALUES (77, 'Old', 'RU', now())");
            schema.execute("""
                    INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret, inbound_id, is_active, max_clients)
                    VALUES (1, 'Old', 'https://p.example/', 'password', 'admin', '\\x00', 1, true, 10)""");
            for (int k = 1; k <= 3; k++) {
                schema.execute("INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status, created_at)"
                        + " VALUES (" + k + ", 77, 1, gen_random_uuid(), 'e" + k + "', 's" + k + "', now(), 'PROVISIONING', now())");
            }
            try (PostgresPersistence db = PostgresPersistence.connect(schema.settings(), TestDatabase.SECRET_KEY, Clock.systemUTC())) {
                SubscriptionToken second = db.subscriptionTokens().tokenOf(new KeyId(2)).orElseThrow(); // already shown once

                java.util.Map<KeyId, SubscriptionToken> page = db.subscriptionTokens()
                        .tokensOf(java.util.List.of(new KeyId(3), new KeyId(2), new KeyId(99), new KeyId(1)));

                assertThat(page.keySet()).containsExactly(new KeyId(3), new KeyId(2), new KeyId(1)); // the unknown key left out
                assertThat(page.get(new KeyId(2))).isEqualTo(second);
                for (long k = 1; k <= 3; k++) {
                    SubscriptionToken token = page.get(new KeyId(k));
                    assertThat(db.subscriptionTokens().keyOf(token)).contains(new KeyId(k)); // the page's first showing wrote the hash
                    assertThat(db.subscriptionTokens().tokenOf(new KeyId(k))).contains(token);
                }
                assertThat(db.subscriptionTokens().tokensOf(java.util.List.of())).isEmpty();
            }
        } finally {
            schema.drop();
        }
    }
}
