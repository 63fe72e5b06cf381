package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Persistence adapter: the one row of {@code sales_pause} while sales are paused (maintenance). */
final class PostgresSalesSwitch implements SalesSwitch {
    private final Database db;

    PostgresSalesSwitch(Database db) {
        this.db = db;
    }

    @Override
    public Optional<SalesPause> current() {
        return db.withHandle(h -> h.createQuery("SELECT message, paused_at, paused_by FROM sales_pause WHERE id = 1")
                .map((rs, ctx) -> new SalesPause(rs.getString("message"), Columns.instant(rs, "paused_at"), new UserId(rs.getLong("paused_by"))))
                .findOne());
    }

    @Override
    public void pause(SalesPause pause) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO sales_pause (id, message, paused_at, paused_by) VALUES (1, :message, :since, :by)
                        ON CONFLICT (id) DO UPDATE SET message = excluded.message, paused_at = excluded.paused_at,
                            paused_by = excluded.paused_by""")
                .bind("message", pause.message())
                .bindByType("since", pause.since(), Instant.class)
                .bind("by", pause.by().telegramId())
                .execute());
    }

    @Override
    public void resume() {
        db.withHandle(h -> h.createUpdate("DELETE FROM sales_pause WHERE id = 1").execute());
    }
}
