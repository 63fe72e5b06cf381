package dev.vpnbot.application.service.balance;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.balance.EntryKind;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The admins' side of the balance (Telegram and CLI). Rules: only ADMIN_IDS; a manual entry
 * needs a reason and an amount the shop's currency can hold; the entry names the admin, is
 * logged and alerted to the admins (the audit trail); a debit never takes more than the balance.
 */
public final class BalanceAdministration implements ManageBalancesUseCase {
    private static final Logger LOG = Logger.getLogger(BalanceAdministration.class.getName());

    private final BalanceBook book;
    private final Balances balances;
    private final AutoRenewals autoRenewals;
    private final Users users;
    /** The audit alert to the admins (the bot's notifier; the console logs it). */
    private final Consumer<AdminAlert> alerts;
    private final Transactions transactions;
    private final Clock clock;
    private final Admins admins;

    public BalanceAdministration(BalanceBook book, Balances balances, AutoRenewals autoRenewals, Users users, Consumer<AdminAlert> alerts,
                                 Transactions transactions, Clock clock, Admins admins) {
        this.book = book;
        this.balances = balances;
        this.autoRenewals = autoRenewals;
        this.users = users;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
        this.admins = admins;
    }

    @Override
    public Ledger ledger(UserId admin, UserId user, int limit) {
        admins.require(admin);
        requireUser(user);
        return new Ledger(user, book.balanceOf(user), balances.history(user, limit));
    }

    @Override
    public LedgerEntry credit(UserId admin, UserId user, String amount, String reason) {
        return adjust(admin, user, EntryKind.CREDIT, amount, reason);
    }

    @Override
    public LedgerEntry debit(UserId admin, UserId user, String amount, String reason) {
        return adjust(admin, user, EntryKind.DEBIT, amount, reason);
    }

    @Override
    public List<AutoRenew> autoRenewers(UserId admin, int limit) {
        admins.require(admin);
        return autoRenewals.all(limit);
    }

    private LedgerEntry adjust(UserId admin, UserId user, EntryKind kind, String amount, String reason) {
        admins.require(admin);
        requireUser(user);
        Money money = book.amount(amount);
        if (reason == null || reason.isBlank() || reason.strip().length() > 300) {
            throw new Refusal(Refusal.Reason.INVALID_INPUT, "a manual entry needs a reason of 1 to 300 characters");
        }
        LedgerPosting posting = new LedgerPosting(user, kind, money, reason, "admin:" + UUID.randomUUID(), null, null, admin,
                clock.instant());
        LedgerEntry entry = transactions.inTransaction(() -> book.postOrRefuse(posting).entry());
        LOG.info(() -> "admin " + admin.telegramId() + " " + kind + " " + money + " for user " + user.telegramId() + ": " + reason);
        alerts.accept(new AdminAlert(AdminAlert.Kind.BALANCE_ADJUSTED, "admin " + admin.telegramId() + ": " + kind + " " + money
                + " for user " + user.telegramId() + " (" + reason.strip() + "), balance now " + entry.balanceAfter()));
        return entry;
    }

    private void requireUser(UserId user) {
        if (users.find(user).isEmpty()) throw new Refusal(Refusal.Reason.USER_NOT_FOUND, "user " + user);
    }
}
