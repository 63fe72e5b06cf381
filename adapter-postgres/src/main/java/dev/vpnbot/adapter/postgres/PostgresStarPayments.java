package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: the Stars ledger in {@code star_payments}, one row per Telegram charge.
 * A charge seen before is skipped with ON CONFLICT DO NOTHING, which leaves the surrounding
 * transaction usable; concurrent first deliveries wait on the primary key and only one inserts.
 */
final class PostgresStarPayments implements StarPayments {
    private final Database db;

    PostgresStarPayments(Database db) {
        this.db = db;
    }

    @Override
    public boolean record(StarPayment p) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO star_payments (charge_id, payer_id, payload, order_id, stars, status, problem, received_at,
                                                   refunded_at, panel_pending)
                        VALUES (:charge, :payer, :payload, :order, :stars, :status, :problem, :receivedAt, :refundedAt, :panelPending)
                        ON CONFLICT (charge_id) DO NOTHING""")
                .bind("charge", p.chargeId())
                .bind("payer", p.payer().telegramId())
                .bind("payload", p.payload())
                .bindByType("order", p.order() == null ? null : p.order().value(), Long.class)
                .bind("stars", p.stars().count())
                .bind("status", p.status().name())
                .bindByType("problem", p.problem() == null ? null : p.problem().name(), String.class)
                .bindByType("receivedAt", p.receivedAt(), Instant.class)
                .bindByType("refundedAt", p.refundedAt(), Instant.class)
                .bind("panelPending", p.panelPending())
                .execute()) == 1;
    }

    @Override
    public Optional<StarPayment> findForUpdate(String chargeId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM star_payments WHERE charge_id = :charge FOR UPDATE")
                .bind("charge", chargeId).map((rs, ctx) -> payment(rs)).findOne());
    }

    @Override
    public void save(StarPayment p) {
        int updated = db.withHandle(h -> h.createUpdate("""
                        UPDATE star_payments SET status = :status, problem = :problem, order_id = :order,
                               refunded_at = :refundedAt, panel_pending = :panelPending
                         WHERE charge_id = :charge""")
                .bind("charge", p.chargeId())
                .bind("status", p.status().name())
                .bindByType("problem", p.problem() == null ? null : p.problem().name(), String.class)
                .bindByType("order", p.order() == null ? null : p.order().value(), Long.class)
                .bindByType("refundedAt", p.refundedAt(), Instant.class)
                .bind("panelPending", p.panelPending())
                .execute());
        if (updated != 1) throw new IllegalStateException("unknown Stars charge " + p.chargeId());
    }

    @Override
    public List<StarPayment> ofPayer(UserId payer, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM star_payments WHERE payer_id = :payer ORDER BY received_at DESC, charge_id LIMIT :limit""")
                .bind("payer", payer.telegramId()).bind("limit", limit).map((rs, ctx) -> payment(rs)).list());
    }

    @Override
    public List<StarPayment> panelPending(int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM star_payments WHERE panel_pending ORDER BY refunded_at, charge_id LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> payment(rs)).list());
    }

    private static StarPayment payment(ResultSet rs) throws SQLException {
        Long order = Columns.optionalLong(rs, "order_id");
        String problem = rs.getString("problem");
        return new StarPayment(rs.getString("charge_id"), new UserId(rs.getLong("payer_id")), rs.getString("payload"),
                order == null ? null : new OrderId(order), new Stars(rs.getLong("stars")),
                StarPayment.Status.valueOf(rs.getString("status")),
                problem == null ? null : StarPayment.Problem.valueOf(problem),
                Columns.instant(rs, "received_at"), Columns.instant(rs, "refunded_at"), rs.getBoolean("panel_pending"));
    }
}
