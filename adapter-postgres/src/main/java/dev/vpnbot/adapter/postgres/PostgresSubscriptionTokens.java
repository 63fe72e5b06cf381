package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.user.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.jdbi.v3.core.statement.PreparedBatch;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence adapter: subscription tokens in {@code vpn_keys}. A token is
 * {@code base64url(HMAC(secret key, seed))}: the row keeps the random seed and the token's
 * SHA-256 (to find the key by it), so neither the database alone nor the secret key alone makes a
 * working link. The hash is written when the token is first asked for (the migration gave existing
 * keys only a seed, and a new key gets only a seed too); {@link TokenHashBackfill} writes the
 * missing ones ahead in the background after start, so this write is the fallback.
 */
final class PostgresSubscriptionTokens implements SubscriptionTokens {
    private static final String PURPOSE = "vpnbot subscription token v1";
    private static final int SEED_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Database db;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    PostgresSubscriptionTokens(Database db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    private record Row(byte[] seed, byte[] hash) {}

    @Override
    public Optional<SubscriptionToken> tokenOf(KeyId key) {
        Optional<Row> row = db.withHandle(h -> h.createQuery("SELECT sub_token_seed, sub_token_hash FROM vpn_keys WHERE id = :id")
                .bind("id", key.value())
                .map((rs, ctx) -> new Row(rs.getBytes(1), rs.getBytes(2)))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        SubscriptionToken token = token(row.get().seed());
        byte[] hash = hash(token);
        if (!Arrays.equals(hash, row.get().hash())) {
            // first showing (or a new secret key): from now on the link finds this key; a concurrent reset wins
            db.withHandle(h -> h.createUpdate("UPDATE vpn_keys SET sub_token_hash = :hash WHERE id = :id AND sub_token_seed = :seed")
                    .bind("hash", hash).bind("id", key.value()).bind("seed", row.get().seed()).execute());
        }
        return Optional.of(token);
    }

    /**
     * One read for the lot and, for tokens shown for the first time, one batch of writes in one
     * transaction: a page of "My keys" used to cost a query and an own commit per key.
     */
    @Override
    public Map<KeyId, SubscriptionToken> tokensOf(List<KeyId> keys) {
        if (keys.isEmpty()) return Map.of();
        Map<Long, Row> rows = new HashMap<>();
        db.withHandle(h -> h.createQuery("SELECT id, sub_token_seed, sub_token_hash FROM vpn_keys WHERE id IN (<ids>)")
                .bindList("ids", keys.stream().map(KeyId::value).distinct().toList())
                .map((rs, ctx) -> rows.put(rs.getLong(1), new Row(rs.getBytes(2), rs.getBytes(3))))
                .list());
        Map<KeyId, SubscriptionToken> out = new LinkedHashMap<>();
        Map<Long, byte[][]> firstShown = new LinkedHashMap<>();
        for (KeyId key : keys) {
            Row row = rows.get(key.value());
            if (row == null) continue;
            SubscriptionToken token = token(row.seed());
            byte[] hash = hash(token);
            if (!Arrays.equals(hash, row.hash())) firstShown.put(key.value(), new byte[][] {hash, row.seed()});
            out.put(key, token);
        }
        if (!firstShown.isEmpty()) {
            db.inTransaction(() -> db.withHandle(h -> {
                PreparedBatch batch = h.prepareBatch("UPDATE vpn_keys SET sub_token_hash = :hash WHERE id = :id AND sub_token_seed = :seed");
                firstShown.forEach((id, hs) -> batch.bind("hash", hs[0]).bind("id", id).bind("seed", hs[1]).add());
                return batch.execute();
            }));
        }
        return out;
    }

    @Override
    public Optional<KeyId> keyOf(SubscriptionToken token) {
        return db.withHandle(h -> h.createQuery("SELECT id FROM vpn_keys WHERE sub_token_hash = :hash")
                .bind("hash", hash(token))
                .mapTo(Long.class)
                .findOne()
                .map(KeyId::new));
    }

    @Override
    public Optional<Holder> holderOf(SubscriptionToken token) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT k.*, u.language AS owner_language, s.name AS server_name
                          FROM vpn_keys k JOIN users u ON u.id = k.user_id JOIN servers s ON s.id = k.server_id
                         WHERE k.sub_token_hash = :hash""")
                .bind("hash", hash(token))
                .map((rs, ctx) -> new Holder(PostgresKeys.key(rs), Language.valueOf(rs.getString("owner_language")),
                        rs.getString("server_name")))
                .findOne());
    }

    @Override
    public SubscriptionToken replace(KeyId key) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        SubscriptionToken token = token(seed);
        int updated = db.withHandle(h -> h.createUpdate("UPDATE vpn_keys SET sub_token_seed = :seed, sub_token_hash = :hash WHERE id = :id")
                .bind("seed", seed).bind("hash", hash(token)).bind("id", key.value()).execute());
        if (updated == 0) throw new IllegalArgumentException("no key " + key);
        return token;
    }

    /** The hash a key with this seed keeps: the one {@link #tokenOf} writes when it first shows the link. */
    byte[] hashOf(byte[] seed) {
        return hash(token(seed));
    }

    private SubscriptionToken token(byte[] seed) {
        return new SubscriptionToken(B64.encodeToString(secrets.mac(PURPOSE, seed)));
    }

    static byte[] hash(SubscriptionToken token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
