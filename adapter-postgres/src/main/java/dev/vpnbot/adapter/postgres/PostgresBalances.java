package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.domain.balance.EntryKind;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: the ledger in {@code balance_entries} and each user's figure in
 * {@code balance_accounts}. A posting locks the account row (creating it first), so postings of
 * one user run one at a time across instances; the source's unique key makes a repeat write
 * nothing; the figure and the entry's {@code balance_after} are CHECKed not below zero, so even a
 * bug here could not write a negative balance.
 */
final class PostgresBalances implements Balances {
    private final Database db;

    PostgresBalances(Database db) {
        this.db = db;
    }

    @Override
    public Posted post(LedgerPosting p) {
        return db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("INSERT INTO balance_accounts (user_id, currency, amount) VALUES (:user, :currency, 0) ON CONFLICT DO NOTHING")
                    .bind("user", p.user().telegramId()).bind("currency", p.amount().currencyCode()).execute();
            Money current = h.createQuery("SELECT amount, currency FROM balance_accounts WHERE user_id = :user FOR UPDATE")
                    .bind("user", p.user().telegramId()).map((rs, ctx) -> Columns.money(rs, "amount", "currency")).one();
            if (!current.sameCurrencyAs(p.amount())) {
                throw new IllegalArgumentException("the account of " + p.user() + " is in " + current.currencyCode()
                        + ", not " + p.amount().currencyCode());
            }
            boolean seen = h.createQuery("SELECT count(*) FROM balance_entries WHERE source = :source")
                    .bind("source", p.source()).mapTo(Long.class).one() > 0;
            if (seen) return new Posted(Result.DUPLICATE, current, null);
            if (p.kind() == EntryKind.DEBIT && !current.isAtLeast(p.amount())) return new Posted(Result.INSUFFICIENT, current, null);
            Money after = p.kind().addsMoney() ? current.plus(p.amount()) : current.minus(p.amount());
            Optional<Long> id = h.createQuery("""
                            INSERT INTO balance_entries (user_id, currency, kind, amount, balance_after, reason, source, order_id,
                                                         payment_ref, actor_id, created_at)
                            VALUES (:user, :currency, :kind, :amount, :after, :reason, :source, :order, :ref, :actor, :at)
                            ON CONFLICT (source) DO NOTHING RETURNING id""")
                    .bind("user", p.user().telegramId())
                    .bind("currency", p.amount().currencyCode())
                    .bind("kind", p.kind().name())
                    .bind("amount", p.amount().amount())
                    .bind("after", after.amount())
                    .bind("reason", p.reason())
                    .bind("source", p.source())
                    .bindByType("order", p.order() == null ? null : p.order().value(), Long.class)
                    .bindByType("ref", p.paymentRef(), String.class)
                    .bindByType("actor", p.actor() == null ? null : p.actor().telegramId(), Long.class)
                    .bindByType("at", p.at(), Instant.class)
                    .mapTo(Long.class).findOne();
            if (id.isEmpty()) return new Posted(Result.DUPLICATE, current, null);
            h.createUpdate("UPDATE balance_accounts SET amount = :after WHERE user_id = :user")
                    .bind("after", after.amount()).bind("user", p.user().telegramId()).execute();
            return new Posted(Result.POSTED, after, p.written(id.get(), after));
        }));
    }

    @Override
    public Optional<Money> balanceOf(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT amount, currency FROM balance_accounts WHERE user_id = :user")
                .bind("user", user.telegramId()).map((rs, ctx) -> Columns.money(rs, "amount", "currency")).findOne());
    }

    @Override
    public List<LedgerEntry> history(UserId user, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM balance_entries WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", user.telegramId()).bind("limit", limit).map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public Optional<LedgerEntry> entry(String source) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM balance_entries WHERE source = :source")
                .bind("source", source).map((rs, ctx) -> entry(rs)).findOne());
    }

    @Override
    public List<LedgerEntry> depositsBetween(Instant from, Instant to) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM balance_entries WHERE kind = 'DEPOSIT' AND created_at >= :from AND created_at < :to ORDER BY id""")
                .bindByType("from", from, Instant.class).bindByType("to", to, Instant.class).map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public List<LedgerEntry> depositsOfPayment(String paymentRef) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM balance_entries WHERE kind = 'DEPOSIT' AND payment_ref = :ref ORDER BY id")
                .bind("ref", paymentRef).map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public List<UserId> accountsDisagreeingWithLedger() {
        return db.withHandle(h -> h.createQuery("""
                        SELECT a.user_id FROM balance_accounts a
                          LEFT JOIN (SELECT user_id, sum(CASE WHEN kind = 'DEBIT' THEN -amount ELSE amount END) AS total
                                       FROM balance_entries GROUP BY user_id) l ON l.user_id = a.user_id
                         WHERE a.amount <> coalesce(l.total, 0) ORDER BY a.user_id""")
                .map((rs, ctx) -> new UserId(rs.getLong(1))).list());
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        Long order = Columns.optionalLong(rs, "order_id");
        Long actor = Columns.optionalLong(rs, "actor_id");
        return new LedgerEntry(rs.getLong("id"), new UserId(rs.getLong("user_id")), EntryKind.valueOf(rs.getString("kind")),
                Columns.money(rs, "amount", "currency"), Columns.money(rs, "balance_after", "currency"), rs.getString("reason"),
                rs.getString("source"), order == null ? null : new OrderId(order), rs.getString("payment_ref"),
                actor == null ? null : new UserId(actor), Columns.instant(rs, "created_at"));
    }

}
