package dev.vpnbot.adapter.postgres;

import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the subscription token hash of every key that has none yet (keys from before V8, and
 * keys whose link was never shown), so that "My keys" only reads. The hash is exactly the one
 * {@link PostgresSubscriptionTokens} writes when it first shows a link; that lazy write stays as the
 * fallback for keys made after a run. Batches of {@code batch} keys, each in its own transaction,
 * walking the ids upwards: safe to stop at any point and run again, and a key that got its hash
 * meanwhile (shown, or its link reset) is left as it is.
 */
public final class TokenHashBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(TokenHashBackfill.class);
    public static final int DEFAULT_BATCH = 1_000;

    private final Database db;
    private final PostgresSubscriptionTokens tokens;
    private final int batch;

    TokenHashBackfill(Database db, PostgresSubscriptionTokens tokens, int batch) {
        if (batch < 1) throw new IllegalArgumentException("a batch holds at least one key");
        this.db = db;
        this.tokens = tokens;
        this.batch = batch;
    }

    private record Seed(long id, byte[] seed) {}

    /** Fills every missing hash and logs how many; returns how many keys got one. */
    public int fillMissing() {
        long start = System.nanoTime();
        int filled = 0;
        long after = 0;
        List<Seed> seeds;
        do {
            seeds = missingAfter(after);
            if (seeds.isEmpty()) break;
            filled += fill(seeds);
            after = seeds.get(seeds.size() - 1).id();
        } while (seeds.size() == batch);
        LOG.info("subscription token hashes: {} key(s) without one filled in {} ms", filled, (System.nanoTime() - start) / 1_000_000);
        return filled;
    }

    private List<Seed> missingAfter(long after) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id, sub_token_seed FROM vpn_keys
                         WHERE sub_token_hash IS NULL AND id > :after ORDER BY id LIMIT :batch""")
                .bind("after", after).bind("batch", batch)
                .map((rs, ctx) -> new Seed(rs.getLong(1), rs.getBytes(2)))
                .list());
    }

    /** One transaction; the seed and the still-missing hash are checked again, so a link reset or a first showing meanwhile wins. */
    private int fill(List<Seed> seeds) {
        List<byte[]> hashes = seeds.stream().map(s -> tokens.hashOf(s.seed())).toList();
        return db.inTransaction(() -> db.withHandle(h -> {
            PreparedBatch update = h.prepareBatch("""
                    UPDATE vpn_keys SET sub_token_hash = :hash WHERE id = :id AND sub_token_seed = :seed AND sub_token_hash IS NULL""");
            IntStream.range(0, seeds.size()).forEach(i ->
                    update.bind("hash", hashes.get(i)).bind("id", seeds.get(i).id()).bind("seed", seeds.get(i).seed()).add());
            return IntStream.of(update.execute()).sum();
        }));
    }
}
