package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule: the background backfill gives every key without a subscription token hash exactly the hash
 * showing its link would write, in batches, once: a second run finds nothing, and a key that has a
 * hash (shown, reset, or one from another secret key) is never touched.
 */
@Tag("postgres")
class TokenHashBackfillTest {
    private static final String FOREIGN_HASH = "ab".repeat(32);
    private TestSchema schema;
    private PostgresPersistence db;

    @BeforeEach
    void open() {
        schema = TestDatabase.get().newSchema();
        PostgresPersistence.migrate(schema.settings());
        schema.execute("INSERT INTO users (id, first_name, language, registered_at) VALUES (77, 'Old', 'RU', now())");
        schema.execute("""
                INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret, inbound_id, is_active, max_clients)
                VALUES (1, 'Old', 'https://p.example/', 'password', 'admin', '\\x00', 1, true, 10)""");
        db = PostgresPersistence.connect(schema.settings(), TestDatabase.SECRET_KEY, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
        schema.drop();
    }

    @Test
    void keys_without_a_hash_get_the_one_showing_the_link_would_write_in_batches_and_a_second_run_changes_nothing() {
        keys(2_500);
        SubscriptionToken shown = db.subscriptionTokens().tokenOf(new KeyId(1_000)).orElseThrow(); // the lazy path wrote its hash
        SubscriptionToken reset = db.subscriptionTokens().replace(new KeyId(1_001));
        schema.execute("UPDATE vpn_keys SET sub_token_hash = '\\x" + FOREIGN_HASH + "' WHERE id = 7"); // e.g. from an older SECRET_KEY
        String untouched = hashes("id IN (7, 1000, 1001)");

        int filled = db.tokenHashBackfill(TokenHashBackfill.DEFAULT_BATCH).fillMissing();

        assertThat(filled).as("2,500 keys, three had a hash: three batches of up to 1,000").isEqualTo(2_497);
        assertThat(schema.queryLong("SELECT count(*) FROM vpn_keys WHERE sub_token_hash IS NULL")).isZero();
        assertThat(hashes("id IN (7, 1000, 1001)")).as("keys with a hash are left as they were").isEqualTo(untouched);
        assertThat(schema.queryString("SELECT encode(sub_token_hash, 'hex') FROM vpn_keys WHERE id = 7")).isEqualTo(FOREIGN_HASH);

        String afterFirst = hashes("true");
        assertThat(db.tokenHashBackfill(TokenHashBackfill.DEFAULT_BATCH).fillMissing()).as("nothing left").isZero();
        assertThat(hashes("true")).isEqualTo(afterFirst);

        // showing every link now finds its hash in place: the lazy path writes nothing, and each link finds its key
        List<KeyId> all = LongStream.rangeClosed(1, 2_500).filter(k -> k != 7).mapToObj(KeyId::new).toList();
        Map<KeyId, SubscriptionToken> tokens = db.subscriptionTokens().tokensOf(all);
        assertThat(hashes("true")).isEqualTo(afterFirst);
        for (KeyId key : all) {
            assertThat(storedHash(key)).as("key %s", key.value()).isEqualTo(HexFormat.of().formatHex(PostgresSubscriptionTokens.hash(tokens.get(key))));
        }
        assertThat(tokens.get(new KeyId(1_000))).isEqualTo(shown);
        assertThat(tokens.get(new KeyId(1_001))).isEqualTo(reset);
        assertThat(db.subscriptionTokens().keyOf(tokens.get(new KeyId(2_500)))).contains(new KeyId(2_500));
    }

    @Test
    void missing_hashes_filling_whole_batches_exactly_are_all_written() {
        keys(6);
        db.subscriptionTokens().tokenOf(new KeyId(3)).orElseThrow();

        assertThat(db.tokenHashBackfill(5).fillMissing()).as("five missing, one full batch, then an empty look").isEqualTo(5);
        assertThat(db.tokenHashBackfill(2).fillMissing()).isZero();

        schema.execute("UPDATE vpn_keys SET sub_token_hash = NULL WHERE id IN (2, 4, 5, 6)");
        assertThat(db.tokenHashBackfill(2).fillMissing()).as("two full batches of two").isEqualTo(4);
        assertThat(schema.queryLong("SELECT count(*) FROM vpn_keys WHERE sub_token_hash IS NULL")).isZero();
        for (long k = 1; k <= 6; k++) {
            SubscriptionToken token = db.subscriptionTokens().tokenOf(new KeyId(k)).orElseThrow();
            assertThat(db.subscriptionTokens().keyOf(token)).contains(new KeyId(k));
        }
    }

    @Test
    void the_backfill_finds_the_keys_without_a_hash_through_their_own_index() {
        assertThat(schema.queryString("""
                SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'vpn_keys_without_token_hash'"""))
                .contains("WHERE (sub_token_hash IS NULL)");
    }

    /** Keys 1..n, each with a seed of its own and no hash, as V8 left them. */
    private void keys(int n) {
        schema.execute("INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status, created_at)"
                + " SELECT g, 77, 1, gen_random_uuid(), 'e' || g, 's' || g, now(), 'PROVISIONING', now() FROM generate_series(1, " + n + ") g");
        assertThat(schema.queryLong("SELECT count(*) FROM vpn_keys WHERE sub_token_hash IS NULL")).isEqualTo(n);
    }

    private String hashes(String where) {
        return schema.queryString("SELECT string_agg(id || ':' || coalesce(encode(sub_token_hash, 'hex'), '-'), ',' ORDER BY id)"
                + " FROM vpn_keys WHERE " + where);
    }

    private String storedHash(KeyId key) {
        return schema.queryString("SELECT encode(sub_token_hash, 'hex') FROM vpn_keys WHERE id = " + key.value());
    }
}
