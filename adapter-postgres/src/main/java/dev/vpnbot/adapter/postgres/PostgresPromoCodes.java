package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.Update;

/**
 * Persistence adapter: promo codes, their uses ({@code promo_redemptions}, one per order) and the
 * codes start links brought. Uses are counted with their orders' status, so a cancelled or
 * expired order gives its use back without anything being written.
 */
final class PostgresPromoCodes implements PromoCodes {
    /** Orders that hold a code's use. */
    private static final String HOLDING = "o.status NOT IN ('CANCELLED', 'EXPIRED')";

    private final Database db;

    PostgresPromoCodes(Database db) {
        this.db = db;
    }

    @Override
    public Optional<PromoCode> create(PromoCode code) {
        return db.withHandle(h -> {
            Update insert = h.createUpdate("""
                    INSERT INTO promo_codes (code, benefit, percent, amount, currency, extra_days, free_tariff_id, max_uses,
                                             max_uses_per_user, expires_at, tariff_ids, new_users_only, disabled, created_at, owner_id)
                    VALUES (:code, :benefit, :percent, :amount, :currency, :days, :free, :maxUses, :perUser, :expires, :tariffs,
                            :newUsers, :disabled, :created, :owner)
                    ON CONFLICT (code) DO NOTHING
                    RETURNING id""");
            bindBenefit(insert, code.benefit());
            return insert.bind("code", code.code())
                    .bind("maxUses", code.maxUses()).bind("perUser", code.maxUsesPerUser())
                    .bindByType("expires", code.expiresAt(), Instant.class)
                    .bindArray("tariffs", Long.class, code.tariffs().stream().map(TariffId::value).sorted().toArray())
                    .bind("newUsers", code.newUsersOnly()).bind("disabled", code.disabled())
                    .bindByType("created", code.createdAt(), Instant.class)
                    .bindByType("owner", code.owner() == null ? null : code.owner().telegramId(), Long.class)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne().map(code::withId);
        });
    }

    private static void bindBenefit(Update insert, Benefit benefit) {
        insert.bindByType("percent", benefit instanceof Benefit.PercentOff p ? p.percent() : null, Integer.class)
                .bindByType("amount", benefit instanceof Benefit.AmountOff a ? a.amount().amount() : null, BigDecimal.class)
                .bindByType("currency", benefit instanceof Benefit.AmountOff a ? a.amount().currencyCode() : null, String.class)
                .bindByType("days", benefit instanceof Benefit.ExtraDays d ? d.days() : null, Integer.class)
                .bindByType("free", benefit instanceof Benefit.FreeKey f ? f.tariffId().value() : null, Long.class)
                .bind("benefit", benefit instanceof Benefit.PercentOff ? "PERCENT" : benefit instanceof Benefit.AmountOff ? "AMOUNT"
                        : benefit instanceof Benefit.ExtraDays ? "DAYS" : "FREE_KEY");
    }

    @Override
    public Optional<PromoCode> find(String code) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM promo_codes WHERE code = :code")
                .bind("code", code).map((rs, ctx) -> code(rs)).findOne());
    }

    @Override
    public Optional<PromoCode> findForUpdate(String code) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM promo_codes WHERE code = :code FOR UPDATE")
                .bind("code", code).map((rs, ctx) -> code(rs)).findOne());
    }

    @Override
    public List<PromoCode> all(int limit) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM promo_codes ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> code(rs)).list());
    }

    @Override
    public void save(PromoCode code) {
        int updated = db.withHandle(h -> h.createUpdate("UPDATE promo_codes SET disabled = :disabled WHERE id = :id")
                .bind("disabled", code.disabled()).bind("id", code.id()).execute());
        if (updated != 1) throw new IllegalStateException("unknown promo code " + code.id());
    }

    @Override
    public long uses(long codeId) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM promo_redemptions r JOIN orders o ON o.id = r.order_id "
                + "WHERE r.code_id = :code AND " + HOLDING).bind("code", codeId).mapTo(Long.class).one());
    }

    @Override
    public long usesBy(long codeId, UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM promo_redemptions r JOIN orders o ON o.id = r.order_id "
                        + "WHERE r.code_id = :code AND r.user_id = :user AND " + HOLDING)
                .bind("code", codeId).bind("user", user.telegramId()).mapTo(Long.class).one());
    }

    @Override
    public boolean hasPaidOrder(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM orders WHERE user_id = :user AND status IN ('PAID', 'FULFILLED'))")
                .bind("user", user.telegramId()).mapTo(Boolean.class).one());
    }

    @Override
    public void redeem(Redemption r) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO promo_redemptions (order_id, code_id, user_id, list_price, discount, currency, extra_days, redeemed_at)
                        VALUES (:order, :code, :user, :list, :off, :currency, :days, :at)""")
                .bind("order", r.orderId().value()).bind("code", r.codeId()).bind("user", r.userId().telegramId())
                .bind("list", r.listPrice().amount()).bind("off", r.off().amount()).bind("currency", r.listPrice().currencyCode())
                .bind("days", r.extraDays()).bindByType("at", r.redeemedAt(), Instant.class).execute());
    }

    private static final String REDEMPTIONS = """
            SELECT r.*, c.code, o.status FROM promo_redemptions r
              JOIN promo_codes c ON c.id = r.code_id JOIN orders o ON o.id = r.order_id""";

    @Override
    public Optional<Redemption> redemptionOf(OrderId order) {
        return db.withHandle(h -> h.createQuery(REDEMPTIONS + " WHERE r.order_id = :order")
                .bind("order", order.value()).map((rs, ctx) -> redemption(rs)).findOne());
    }

    @Override
    public List<Redemption> redemptions(long codeId, int limit) {
        return db.withHandle(h -> h.createQuery(REDEMPTIONS + " WHERE r.code_id = :code ORDER BY r.redeemed_at DESC, r.order_id DESC LIMIT :limit")
                .bind("code", codeId).bind("limit", limit).map((rs, ctx) -> redemption(rs)).list());
    }

    @Override
    public List<CodeFigures> figures(int limit) {
        return db.withHandle(h -> {
            List<PromoCode> codes = all(limit);
            Map<Long, long[]> counts = new LinkedHashMap<>();
            Map<Long, List<Money>> given = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT r.code_id, r.currency,
                                   count(*) FILTER (WHERE o.status NOT IN ('CANCELLED', 'EXPIRED')) AS uses,
                                   count(*) FILTER (WHERE o.status IN ('PAID', 'FULFILLED')) AS paid,
                                   coalesce(sum(r.discount) FILTER (WHERE o.status IN ('PAID', 'FULFILLED')), 0) AS given
                              FROM promo_redemptions r JOIN orders o ON o.id = r.order_id
                             GROUP BY r.code_id, r.currency""")
                    .map((rs, ctx) -> {
                        long id = rs.getLong("code_id");
                        long[] c = counts.computeIfAbsent(id, k -> new long[2]);
                        c[0] += rs.getLong("uses");
                        c[1] += rs.getLong("paid");
                        given.computeIfAbsent(id, k -> new ArrayList<>()).add(Columns.money(rs, "given", "currency"));
                        return id;
                    }).list();
            List<CodeFigures> figures = new ArrayList<>();
            for (PromoCode code : codes) {
                long[] c = counts.getOrDefault(code.id(), new long[2]);
                figures.add(new CodeFigures(code, c[0], c[1], given.getOrDefault(code.id(), List.of())));
            }
            return figures;
        });
    }

    @Override
    public Optional<String> remembered(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT code FROM promo_remembered WHERE user_id = :user")
                .bind("user", user.telegramId()).mapTo(String.class).findOne());
    }

    @Override
    public void remember(UserId user, String code) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO promo_remembered (user_id, code) VALUES (:user, :code)
                        ON CONFLICT (user_id) DO UPDATE SET code = excluded.code, remembered_at = now()""")
                .bind("user", user.telegramId()).bind("code", code).execute());
    }

    @Override
    public void forget(UserId user) {
        db.withHandle(h -> h.createUpdate("DELETE FROM promo_remembered WHERE user_id = :user").bind("user", user.telegramId()).execute());
    }

    private static PromoCode code(ResultSet rs) throws SQLException {
        Benefit benefit = switch (rs.getString("benefit")) {
            case "PERCENT" -> new Benefit.PercentOff(rs.getInt("percent"));
            case "AMOUNT" -> new Benefit.AmountOff(Columns.money(rs, "amount", "currency"));
            case "DAYS" -> new Benefit.ExtraDays(rs.getInt("extra_days"));
            default -> new Benefit.FreeKey(new TariffId(rs.getLong("free_tariff_id")));
        };
        Set<TariffId> tariffs = new HashSet<>();
        for (Object id : (Object[]) rs.getArray("tariff_ids").getArray()) tariffs.add(new TariffId(((Number) id).longValue()));
        return new PromoCode(rs.getLong("id"), rs.getString("code"), benefit, rs.getInt("max_uses"), rs.getInt("max_uses_per_user"),
                Columns.instant(rs, "expires_at"), tariffs, rs.getBoolean("new_users_only"), rs.getBoolean("disabled"),
                Columns.instant(rs, "created_at"), owner(rs));
    }

    private static UserId owner(ResultSet rs) throws SQLException {
        long owner = rs.getLong("owner_id");
        return rs.wasNull() ? null : new UserId(owner);
    }

    private static Redemption redemption(ResultSet rs) throws SQLException {
        return new Redemption(rs.getLong("code_id"), rs.getString("code"), new OrderId(rs.getLong("order_id")),
                new UserId(rs.getLong("user_id")), Columns.money(rs, "list_price", "currency"), Columns.money(rs, "discount", "currency"),
                rs.getInt("extra_days"), Columns.instant(rs, "redeemed_at"), OrderStatus.valueOf(rs.getString("status")));
    }
}
