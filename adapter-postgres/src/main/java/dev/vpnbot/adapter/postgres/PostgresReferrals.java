package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.model.statistics.ReferralFigures;
import dev.vpnbot.application.port.out.growth.Referrals;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.referral.Referral;
import dev.vpnbot.domain.referral.ReferralCode;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: {@code referral_codes} and {@code referrals}. */
final class PostgresReferrals implements Referrals {
    private static final String PAID_WITH_MONEY = PostgresTrials.PAID_WITH_MONEY;
    private static final String REFUNDED = "EXISTS (SELECT 1 FROM star_payments s WHERE s.order_id = %s AND s.status = 'REFUNDED')";

    private final Database db;

    PostgresReferrals(Database db) {
        this.db = db;
    }

    @Override
    public Optional<UserId> ownerOf(ReferralCode code) {
        return db.withHandle(h -> h.createQuery("SELECT user_id FROM referral_codes WHERE code = :code")
                .bind("code", code.value()).map((rs, ctx) -> new UserId(rs.getLong(1))).findOne());
    }

    @Override
    public Optional<ReferralCode> codeOf(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT code FROM referral_codes WHERE user_id = :user")
                .bind("user", user.telegramId()).map((rs, ctx) -> new ReferralCode(rs.getString(1))).findOne());
    }

    @Override
    public boolean saveCode(UserId user, ReferralCode code, Instant at) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO referral_codes (user_id, code, created_at) VALUES (:user, :code, :at) ON CONFLICT DO NOTHING""")
                .bind("user", user.telegramId()).bind("code", code.value()).bindByType("at", at, Instant.class).execute()) == 1;
    }

    @Override
    public boolean record(Referral r) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO referrals (invited_id, referrer_id, invited_at, state) VALUES (:invited, :referrer, :at, :state)
                        ON CONFLICT (invited_id) DO NOTHING""")
                .bind("invited", r.invited().telegramId()).bind("referrer", r.referrer().telegramId())
                .bindByType("at", r.invitedAt(), Instant.class).bind("state", r.state().name()).execute()) == 1;
    }

    @Override
    public Optional<Referral> findForUpdate(UserId invited) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM referrals WHERE invited_id = :invited FOR UPDATE")
                .bind("invited", invited.telegramId()).map((rs, ctx) -> referral(rs)).findOne());
    }

    @Override
    public void save(Referral r) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE referrals SET state = :state, qualifying_order_id = :qualifying, reward_kind = :kind, reward_days = :days,
                            reward_percent = :percent, reward_code = :code, reward_order_id = :rewardOrder, rewarded_at = :rewardedAt, reversed_at = :reversedAt
                        WHERE invited_id = :invited""")
                .bind("state", r.state().name())
                .bind("qualifying", r.qualifyingOrder() == null ? null : r.qualifyingOrder().value())
                .bind("kind", r.reward() == null ? null : r.reward().kind())
                .bind("days", r.reward() instanceof ReferralReward.ExtraDays extra ? extra.days() : null)
                .bind("percent", r.reward() instanceof ReferralReward.Discount off ? off.percent() : null)
                .bind("code", r.reward() instanceof ReferralReward.Discount off ? off.code() : null)
                .bind("rewardOrder", r.rewardOrder() == null ? null : r.rewardOrder().value())
                .bindByType("rewardedAt", r.rewardedAt(), Instant.class)
                .bindByType("reversedAt", r.reversedAt(), Instant.class)
                .bind("invited", r.invited().telegramId())
                .execute());
    }

    @Override
    public List<UserId> due(int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT r.invited_id FROM referrals r
                        WHERE (r.state = 'WAITING' AND EXISTS (SELECT 1 FROM orders o WHERE o.user_id = r.invited_id AND %s))
                           OR (r.state = 'GRANTED' AND %s)
                           OR r.state = 'REVERSING'
                        ORDER BY r.invited_id LIMIT :limit""".formatted(PAID_WITH_MONEY, REFUNDED.formatted("r.qualifying_order_id")))
                .bind("limit", limit).map((rs, ctx) -> new UserId(rs.getLong(1))).list());
    }

    @Override
    public Optional<OrderId> firstPaidOrder(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT o.id FROM orders o WHERE o.user_id = :user AND " + PAID_WITH_MONEY
                        + " ORDER BY o.paid_at, o.id LIMIT 1")
                .bind("user", user.telegramId()).map((rs, ctx) -> new OrderId(rs.getLong(1))).findOne());
    }

    @Override
    public boolean refunded(OrderId order) {
        return db.withHandle(h -> h.createQuery("SELECT " + REFUNDED.formatted(":order"))
                .bind("order", order.value()).mapTo(Boolean.class).one());
    }

    @Override
    public Summary summary(UserId referrer) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT count(*) AS invited, count(*) FILTER (WHERE state = 'GRANTED') AS rewarded,
                               coalesce(sum(reward_days) FILTER (WHERE state = 'GRANTED'), 0) AS days
                        FROM referrals WHERE referrer_id = :referrer""")
                .bind("referrer", referrer.telegramId())
                .map((rs, ctx) -> new Summary(rs.getLong("invited"), rs.getLong("rewarded"), rs.getLong("days"))).one());
    }

    @Override
    public Optional<dev.vpnbot.domain.key.KeyId> rewardKey(UserId referrer) {
        return db.withHandle(h -> h.createQuery("SELECT reward_key_id FROM referral_codes WHERE user_id = :user AND reward_key_id IS NOT NULL")
                .bind("user", referrer.telegramId()).map((rs, ctx) -> new dev.vpnbot.domain.key.KeyId(rs.getLong(1))).findOne());
    }

    @Override
    public boolean chooseRewardKey(UserId referrer, dev.vpnbot.domain.key.KeyId key) {
        return db.withHandle(h -> h.createUpdate("UPDATE referral_codes SET reward_key_id = :key WHERE user_id = :user")
                .bind("key", key.value()).bind("user", referrer.telegramId()).execute()) == 1;
    }

    @Override
    public List<String> rewardCodes(UserId referrer) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT reward_code FROM referrals WHERE referrer_id = :referrer AND state = 'GRANTED' AND reward_code IS NOT NULL
                        ORDER BY rewarded_at, invited_id""")
                .bind("referrer", referrer.telegramId()).mapTo(String.class).list());
    }

    @Override
    public ReferralFigures figures() {
        return db.withHandle(h -> {
            long[] counts = h.createQuery("""
                            SELECT count(*), count(*) FILTER (WHERE rewarded_at IS NOT NULL),
                                   count(*) FILTER (WHERE state IN ('REVERSING', 'REVERSED'))
                            FROM referrals""")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
            String invitedOrders = "FROM orders o JOIN referrals r ON r.invited_id = o.user_id WHERE " + PAID_WITH_MONEY;
            long paid = h.createQuery("SELECT count(*) " + invitedOrders).mapTo(Long.class).one();
            List<Money> crypto = h.createQuery("SELECT o.amount_paid_currency AS c, sum(o.amount_paid) AS total " + invitedOrders
                            + " AND o.paid_via = 'CRYPTO' GROUP BY o.amount_paid_currency ORDER BY o.amount_paid_currency")
                    .map((rs, ctx) -> Money.of(rs.getBigDecimal("total"), rs.getString("c").strip())).list();
            long stars = h.createQuery("SELECT coalesce(sum(s.stars), 0) FROM star_payments s JOIN orders o ON o.id = s.order_id"
                            + " JOIN referrals r ON r.invited_id = o.user_id WHERE s.status = 'APPLIED'")
                    .mapTo(Long.class).one();
            return new ReferralFigures(counts[0], counts[1], counts[2], paid, crypto, stars);
        });
    }

    private static Referral referral(ResultSet rs) throws SQLException {
        String kind = rs.getString("reward_kind");
        long qualifying = rs.getLong("qualifying_order_id");
        boolean hasQualifying = !rs.wasNull();
        long rewardOrder = rs.getLong("reward_order_id");
        boolean hasRewardOrder = !rs.wasNull();
        return new Referral(new UserId(rs.getLong("invited_id")), new UserId(rs.getLong("referrer_id")), Columns.instant(rs, "invited_at"),
                Referral.State.valueOf(rs.getString("state")), hasQualifying ? new OrderId(qualifying) : null,
                kind == null ? null : ReferralReward.of(kind, rs.getInt("reward_days"), rs.getInt("reward_percent"), rs.getString("reward_code")), hasRewardOrder ? new OrderId(rewardOrder) : null,
                Columns.instant(rs, "rewarded_at"), Columns.instant(rs, "reversed_at"));
    }
}
