package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.balance.TopUps;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: top-up invoices in {@code top_ups}. */
final class PostgresTopUps implements TopUps {
    private final Database db;

    PostgresTopUps(Database db) {
        this.db = db;
    }

    @Override
    public long nextId() {
        return db.withHandle(h -> h.createQuery("SELECT nextval('top_up_ids')").mapTo(Long.class).one());
    }

    @Override
    public void save(TopUp t) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO top_ups (id, public_id, user_id, amount, currency, for_order, invoice_id, pay_url, created_at, credited_at)
                        VALUES (:id, :publicId, :user, :amount, :currency, :forOrder, :invoiceId, :payUrl, :createdAt, :creditedAt)
                        ON CONFLICT (id) DO UPDATE SET invoice_id = excluded.invoice_id, pay_url = excluded.pay_url,
                                                       credited_at = excluded.credited_at""")
                .bind("id", t.id())
                .bind("publicId", t.publicId().value())
                .bind("user", t.user().telegramId())
                .bind("amount", t.amount().amount())
                .bind("currency", t.amount().currencyCode())
                .bindByType("forOrder", t.forOrder() == null ? null : t.forOrder().value(), Long.class)
                .bindByType("invoiceId", t.invoice() == null ? null : t.invoice().invoiceId(), String.class)
                .bindByType("payUrl", t.invoice() == null ? null : t.invoice().payUrl(), String.class)
                .bindByType("createdAt", t.createdAt(), Instant.class)
                .bindByType("creditedAt", t.creditedAt(), Instant.class)
                .execute());
    }

    @Override
    public Optional<TopUp> find(PublicOrderId publicId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM top_ups WHERE public_id = :id")
                .bind("id", publicId.value()).map((rs, ctx) -> topUp(rs)).findOne());
    }

    @Override
    public Optional<TopUp> findForUpdate(PublicOrderId publicId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM top_ups WHERE public_id = :id FOR UPDATE")
                .bind("id", publicId.value()).map((rs, ctx) -> topUp(rs)).findOne());
    }

    @Override
    public List<TopUp> waiting(Instant createdAfter, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM top_ups WHERE credited_at IS NULL AND invoice_id IS NOT NULL AND created_at > :after
                         ORDER BY created_at, id LIMIT :limit""")
                .bindByType("after", createdAfter, Instant.class).bind("limit", limit).map((rs, ctx) -> topUp(rs)).list());
    }

    @Override
    public List<TopUp> ofUser(UserId user, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM top_ups WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", user.telegramId()).bind("limit", limit).map((rs, ctx) -> topUp(rs)).list());
    }

    private static TopUp topUp(ResultSet rs) throws SQLException {
        Long order = Columns.optionalLong(rs, "for_order");
        String invoiceId = rs.getString("invoice_id");
        return new TopUp(rs.getLong("id"), new PublicOrderId(rs.getString("public_id")), new UserId(rs.getLong("user_id")),
                Columns.money(rs, "amount", "currency"), order == null ? null : new OrderId(order),
                invoiceId == null ? null : new Invoice(invoiceId, rs.getString("pay_url")),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "credited_at"));
    }
}
