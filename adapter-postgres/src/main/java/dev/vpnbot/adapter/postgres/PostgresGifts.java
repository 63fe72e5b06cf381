package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: gifts. Each change of state is one UPDATE … WHERE status = … RETURNING, so races have one winner. */
final class PostgresGifts implements Gifts {
    private final Database db;

    PostgresGifts(Database db) {
        this.db = db;
    }

    @Override
    public Gift add(Gift gift) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO gifts (code, order_id, buyer_id, tariff_id, days, status, valid_until, created_at)
                        VALUES (:code, :order, :buyer, :tariff, :days, :status, :valid, :created)""")
                .bind("code", gift.code()).bind("order", gift.order().value()).bind("buyer", gift.buyer().telegramId())
                .bind("tariff", gift.tariff().value()).bind("days", gift.days()).bind("status", gift.status().name())
                .bindByType("valid", gift.validUntil(), Instant.class).bindByType("created", gift.createdAt(), Instant.class)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return gift.withId(id);
    }

    @Override
    public Optional<Gift> byCode(String code) {
        return one("SELECT * FROM gifts WHERE code = :v", code);
    }

    @Override
    public Optional<Gift> byOrder(OrderId order) {
        return one("SELECT * FROM gifts WHERE order_id = :v", order.value());
    }

    @Override
    public Optional<Gift> byId(long id) {
        return one("SELECT * FROM gifts WHERE id = :v", id);
    }

    @Override
    public List<Gift> ofBuyer(UserId buyer, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM gifts WHERE buyer_id = :buyer ORDER BY id DESC LIMIT :limit")
                .bind("buyer", buyer.telegramId()).bind("limit", limit).map((rs, ctx) -> gift(rs)).list());
    }

    @Override
    public Optional<Gift> issue(OrderId order, Instant validUntil) {
        return db.withHandle(h -> h.createQuery("""
                        UPDATE gifts SET status = 'ISSUED', valid_until = :valid
                        WHERE order_id = :order AND status = 'UNPAID' RETURNING *""")
                .bind("order", order.value()).bindByType("valid", validUntil, Instant.class)
                .map((rs, ctx) -> gift(rs)).findOne());
    }

    @Override
    public Optional<Gift> take(String code, UserId taker, Instant now) {
        return db.withHandle(h -> h.createQuery("""
                        UPDATE gifts SET status = 'REDEEMED', taken_by = :taker, taken_at = :now
                        WHERE code = :code AND status = 'ISSUED' AND valid_until > :now RETURNING *""")
                .bind("code", code).bind("taker", taker.telegramId()).bindByType("now", now, Instant.class)
                .map((rs, ctx) -> gift(rs)).findOne());
    }

    @Override
    public Optional<Gift> reclaim(long id, UserId buyer, Instant now) {
        return db.withHandle(h -> h.createQuery("""
                        UPDATE gifts SET status = 'RECLAIMED', taken_by = buyer_id, taken_at = :now
                        WHERE id = :id AND buyer_id = :buyer AND status = 'ISSUED' AND valid_until <= :now RETURNING *""")
                .bind("id", id).bind("buyer", buyer.telegramId()).bindByType("now", now, Instant.class)
                .map((rs, ctx) -> gift(rs)).findOne());
    }

    @Override
    public Optional<Gift> voidUntaken(OrderId order) {
        return db.withHandle(h -> h.createQuery("""
                        UPDATE gifts SET status = 'VOIDED'
                        WHERE order_id = :order AND status IN ('UNPAID', 'ISSUED') RETURNING *""")
                .bind("order", order.value()).map((rs, ctx) -> gift(rs)).findOne());
    }

    @Override
    public void deliveredBy(long id, OrderId keyOrder) {
        db.withHandle(h -> h.createUpdate("UPDATE gifts SET key_order_id = :keyOrder WHERE id = :id")
                .bind("id", id).bind("keyOrder", keyOrder.value()).execute());
    }

    private Optional<Gift> one(String sql, Object value) {
        return db.withHandle(h -> h.createQuery(sql).bind("v", value).map((rs, ctx) -> gift(rs)).findOne());
    }

    private static Gift gift(ResultSet rs) throws SQLException {
        long takenBy = rs.getLong("taken_by");
        UserId taker = rs.wasNull() ? null : new UserId(takenBy);
        long keyOrder = rs.getLong("key_order_id");
        OrderId delivering = rs.wasNull() ? null : new OrderId(keyOrder);
        return new Gift(rs.getLong("id"), rs.getString("code"), new OrderId(rs.getLong("order_id")),
                new UserId(rs.getLong("buyer_id")), new TariffId(rs.getLong("tariff_id")), rs.getInt("days"),
                Gift.Status.valueOf(rs.getString("status")), Columns.instant(rs, "valid_until"), taker, delivering,
                Columns.instant(rs, "created_at"), Columns.instant(rs, "taken_at"));
    }
}
