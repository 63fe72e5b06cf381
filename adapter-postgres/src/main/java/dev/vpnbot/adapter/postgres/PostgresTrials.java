package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;

/** Persistence adapter: {@code trials}, one row per Telegram account for ever (its primary key). */
final class PostgresTrials implements Trials {
    /** Orders that moved money: what a conversion is. */
    static final String PAID_WITH_MONEY = "o.status IN ('PAID', 'FULFILLED') AND o.paid_via IN ('CRYPTO', 'STARS')";

    private final Database db;

    PostgresTrials(Database db) {
        this.db = db;
    }

    @Override
    public boolean claim(UserId user, OrderId order, Instant at) {
        // ON CONFLICT waits for a concurrent claim to commit, then finds its row: exactly one wins
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO trials (user_id, order_id, started_at) VALUES (:user, :order, :at)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("user", user.telegramId()).bind("order", order.value()).bindByType("at", at, Instant.class)
                .execute()) == 1;
    }

    @Override
    public boolean used(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM trials WHERE user_id = :user)")
                .bind("user", user.telegramId()).mapTo(Boolean.class).one());
    }

    @Override
    public boolean isTrialKey(KeyId key) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM trials t JOIN orders o ON o.id = t.order_id WHERE o.key_id = :key)""")
                .bind("key", key.value()).mapTo(Boolean.class).one());
    }

    @Override
    public long started() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM trials").mapTo(Long.class).one());
    }

    @Override
    public long converted() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM trials t WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = t.user_id AND "
                + PAID_WITH_MONEY + ")").mapTo(Long.class).one());
    }
}
