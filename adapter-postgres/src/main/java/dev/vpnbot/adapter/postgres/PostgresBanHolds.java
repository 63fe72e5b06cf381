package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Persistence adapter: the keys a ban switched off, in {@code ban_disabled_keys}. */
final class PostgresBanHolds implements BanHolds {
    private final Database db;

    PostgresBanHolds(Database db) {
        this.db = db;
    }

    @Override
    public void hold(UserId owner, KeyId key, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO ban_disabled_keys (key_id, user_id, disabled_at) VALUES (:key, :owner, :at)
                        ON CONFLICT (key_id) DO NOTHING""")
                .bind("key", key.value())
                .bind("owner", owner.telegramId())
                .bindByType("at", at, Instant.class)
                .execute());
    }

    @Override
    public List<KeyId> heldFor(UserId owner) {
        return db.withHandle(h -> h.createQuery("SELECT key_id FROM ban_disabled_keys WHERE user_id = :owner ORDER BY key_id")
                .bind("owner", owner.telegramId())
                .mapTo(Long.class)
                .map(KeyId::new)
                .list());
    }

    @Override
    public void release(UserId owner) {
        db.withHandle(h -> h.createUpdate("DELETE FROM ban_disabled_keys WHERE user_id = :owner").bind("owner", owner.telegramId()).execute());
    }
}
