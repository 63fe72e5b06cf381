package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;

/** Persistence adapter: orders in the {@code orders} table; the public order id is unique for ever. */
final class PostgresOrders implements Orders {
    private final Database db;

    PostgresOrders(Database db) {
        this.db = db;
    }

    @Override
    public OrderId nextId() {
        return new OrderId(db.withHandle(h -> h.createQuery("SELECT nextval('order_ids')").mapTo(Long.class).one()));
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM orders WHERE id = :id")
                .bind("id", id.value()).map((rs, ctx) -> order(rs)).findOne());
    }

    @Override
    public Optional<Order> findForUpdate(OrderId id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM orders WHERE id = :id FOR UPDATE")
                .bind("id", id.value()).map((rs, ctx) -> order(rs)).findOne());
    }

    @Override
    public Optional<Order> findByPublicId(PublicOrderId publicId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM orders WHERE public_id = :publicId")
                .bind("publicId", publicId.value()).map((rs, ctx) -> order(rs)).findOne());
    }

    @Override
    public List<Order> waitingForPayment(long afterId, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM orders WHERE status IN ('CREATED', 'AWAITING_PAYMENT') AND id > :after
                         ORDER BY id LIMIT :limit""")
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> order(rs)).list());
    }

    @Override
    public List<Order> lapsedWithInvoice(Instant deadlineAfter, long afterId, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM orders WHERE status IN ('CANCELLED', 'EXPIRED', 'UNDERPAID') AND invoice_id IS NOT NULL
                           AND payment_deadline > :deadlineAfter AND id > :after
                         ORDER BY id LIMIT :limit""")
                .bindByType("deadlineAfter", deadlineAfter, Instant.class)
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> order(rs)).list());
    }

    @Override
    public int countWaiting(UserId user) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM orders WHERE user_id = :user AND status IN ('CREATED', 'AWAITING_PAYMENT')""")
                .bind("user", user.telegramId()).mapTo(Integer.class).one());
    }

    @Override
    public List<Order> ofUser(UserId user, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM orders WHERE user_id = :user
                         ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("user", user.telegramId()).bind("limit", limit).map((rs, ctx) -> order(rs)).list());
    }

    @Override
    public void save(Order order) {
        ServerId server = order.purpose() instanceof OrderPurpose.NewKey newKey ? newKey.serverId() : null;
        Money paid = order.amountPaid();
        try {
            db.withHandle(h -> h.createUpdate("""
                            INSERT INTO orders (id, public_id, user_id, tariff_id, days, amount, currency, purpose, server_id, key_id,
                                                status, payment_deadline, created_at, paid_at, fulfilled_at, invoice_id, invoice_url,
                                                amount_paid, amount_paid_currency, granted_until, stars_price, paid_via)
                            VALUES (:id, :publicId, :user, :tariff, :days, :amount, :currency, :purpose, :server, :key,
                                    :status, :deadline, :createdAt, :paidAt, :fulfilledAt, :invoiceId, :invoiceUrl,
                                    :amountPaid, :amountPaidCurrency, :grantedUntil, :starsPrice, :paidVia)
                            ON CONFLICT (id) DO UPDATE SET public_id = excluded.public_id, user_id = excluded.user_id,
                                tariff_id = excluded.tariff_id, days = excluded.days, amount = excluded.amount,
                                currency = excluded.currency, purpose = excluded.purpose, server_id = excluded.server_id,
                                key_id = excluded.key_id, status = excluded.status, payment_deadline = excluded.payment_deadline,
                                created_at = excluded.created_at, paid_at = excluded.paid_at, fulfilled_at = excluded.fulfilled_at,
                                invoice_id = excluded.invoice_id, invoice_url = excluded.invoice_url,
                                amount_paid = excluded.amount_paid, amount_paid_currency = excluded.amount_paid_currency,
                                granted_until = excluded.granted_until, stars_price = excluded.stars_price,
                                paid_via = excluded.paid_via""")
                    .bind("id", order.id().value())
                    .bind("publicId", order.publicId().value())
                    .bind("user", order.userId().telegramId())
                    .bind("tariff", order.tariff().tariffId().value())
                    .bind("days", order.tariff().days())
                    .bind("amount", order.price().amount())
                    .bind("currency", order.price().currencyCode())
                    .bind("purpose", order.isRenewal() ? "RENEWAL" : "NEW_KEY")
                    .bindByType("server", server == null ? null : server.value(), Long.class)
                    .bindByType("key", order.keyId() == null ? null : order.keyId().value(), Long.class)
                    .bind("status", order.status().name())
                    .bindByType("deadline", order.paymentDeadline(), Instant.class)
                    .bindByType("createdAt", order.createdAt(), Instant.class)
                    .bindByType("paidAt", order.paidAt(), Instant.class)
                    .bindByType("fulfilledAt", order.fulfilledAt(), Instant.class)
                    .bindByType("invoiceId", order.invoice() == null ? null : order.invoice().invoiceId(), String.class)
                    .bindByType("invoiceUrl", order.invoice() == null ? null : order.invoice().payUrl(), String.class)
                    .bindByType("amountPaid", paid == null ? null : paid.amount(), BigDecimal.class)
                    .bindByType("amountPaidCurrency", paid == null ? null : paid.currencyCode(), String.class)
                    .bindByType("grantedUntil", order.grantedUntil(), Instant.class)
                    .bindByType("starsPrice", order.tariff().stars() == null ? null : order.tariff().stars().count(), Long.class)
                    .bindByType("paidVia", order.paidVia() == null ? null : order.paidVia().name(), String.class)
                    .execute());
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e)) {
                throw new IllegalStateException("public order id " + order.publicId() + " already used ("
                        + Database.violatedConstraint(e) + ")", e);
            }
            throw e;
        }
    }

    private static Order order(ResultSet rs) throws SQLException {
        Long key = Columns.optionalLong(rs, "key_id");
        KeyId keyId = key == null ? null : new KeyId(key);
        OrderPurpose purpose = "RENEWAL".equals(rs.getString("purpose"))
                ? new OrderPurpose.Renewal(keyId)
                : new OrderPurpose.NewKey(new ServerId(rs.getLong("server_id")));
        String invoiceId = rs.getString("invoice_id");
        Invoice invoice = invoiceId == null ? null : new Invoice(invoiceId, rs.getString("invoice_url"));
        TariffSnapshot tariff = new TariffSnapshot(new TariffId(rs.getLong("tariff_id")), rs.getInt("days"),
                Columns.money(rs, "amount", "currency"), stars(rs, "stars_price"));
        return new Order(new OrderId(rs.getLong("id")), new PublicOrderId(rs.getString("public_id")),
                new UserId(rs.getLong("user_id")), tariff, purpose, OrderStatus.valueOf(rs.getString("status")),
                Columns.instant(rs, "payment_deadline"), Columns.instant(rs, "created_at"), Columns.instant(rs, "paid_at"),
                Columns.instant(rs, "fulfilled_at"), invoice, Columns.money(rs, "amount_paid", "amount_paid_currency"),
                keyId, Columns.instant(rs, "granted_until"),
                rs.getString("paid_via") == null ? null : PaymentMethod.valueOf(rs.getString("paid_via")));
    }

    static Stars stars(ResultSet rs, String column) throws SQLException {
        Long count = Columns.optionalLong(rs, column);
        return count == null ? null : new Stars(count);
    }
}
