package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase.Ledger;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.user.UserId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vpnbot balance show|credit|debit USER [AMOUNT] --reason …}: the same ledger and manual
 * entries as the admin's user card (docs/BALANCE.md). Each entry names the console as its admin
 * and is alerted to the admins.
 */
@Command(name = "balance", mixinStandardHelpOptions = true, description = "Show a user's balance ledger, or credit or debit it by hand.",
        subcommands = {BalanceCommand.Show.class, BalanceCommand.Credit.class, BalanceCommand.Debit.class})
final class BalanceCommand {
    @ParentCommand
    VpnbotCommand parent;

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The balance and the latest ledger entries.")
    static final class Show implements Callable<Integer> {
        @ParentCommand BalanceCommand balance;
        @Parameters(index = "0", paramLabel = "TELEGRAM_ID", description = "the user's Telegram id") long id;
        @Option(names = "--limit", defaultValue = "30", description = "how many entries (default 30)") int limit;

        @Override
        public Integer call() throws Exception {
            return balance.show(id, limit);
        }
    }

    @Command(name = "credit", mixinStandardHelpOptions = true, description = "Add money to a user's balance, with a reason.")
    static final class Credit implements Callable<Integer> {
        @ParentCommand BalanceCommand balance;
        @Parameters(index = "0", paramLabel = "TELEGRAM_ID", description = "the user's Telegram id") long id;
        @Parameters(index = "1", paramLabel = "AMOUNT", description = "in the tariffs' currency, e.g. 5 or 4.99") String amount;
        @Option(names = "--reason", required = true, description = "why (kept in the ledger)") String reason;

        @Override
        public Integer call() throws Exception {
            return balance.adjust(id, amount, reason, true);
        }
    }

    @Command(name = "debit", mixinStandardHelpOptions = true, description = "Take money from a user's balance (never below zero), with a reason.")
    static final class Debit implements Callable<Integer> {
        @ParentCommand BalanceCommand balance;
        @Parameters(index = "0", paramLabel = "TELEGRAM_ID", description = "the user's Telegram id") long id;
        @Parameters(index = "1", paramLabel = "AMOUNT", description = "in the tariffs' currency, e.g. 5 or 4.99") String amount;
        @Option(names = "--reason", required = true, description = "why (kept in the ledger)") String reason;

        @Override
        public Integer call() throws Exception {
            return balance.adjust(id, amount, reason, false);
        }
    }

    private int show(long id, int limit) throws Exception {
        if (!valid(id)) return VpnbotCommand.BAD_CONFIGURATION;
        return OperatorSession.answer(parent, Purpose.OPERATE, ManageBalancesUseCase.class, (use, out) -> {
            Ledger ledger = use.ledger(ConsoleModule.CONSOLE, new UserId(id), Math.max(1, limit));
            out.printf("user %d: balance %s%n", id, ledger.balance());
            for (LedgerEntry e : ledger.entries()) out.println(line(e));
        });
    }

    private int adjust(long id, String amount, String reason, boolean credit) throws Exception {
        if (!valid(id)) return VpnbotCommand.BAD_CONFIGURATION;
        return OperatorSession.answer(parent, Purpose.OPERATE, ManageBalancesUseCase.class, (balances, out) -> {
            LedgerEntry entry = credit ? balances.credit(ConsoleModule.CONSOLE, new UserId(id), amount, reason)
                    : balances.debit(ConsoleModule.CONSOLE, new UserId(id), amount, reason);
            out.println(line(entry));
        });
    }

    private boolean valid(long id) {
        if (id > 0) return true;
        parent.err().println("refused: '" + id + "' is not a Telegram user id");
        return false;
    }

    /** "#12 2026-03-01T10:00:00Z DEPOSIT +5.00 USD → 5.00 USD top-up … [admin 1]" */
    static String line(LedgerEntry e) {
        return "#" + e.id() + " " + e.at() + " " + e.kind() + " " + (e.kind().addsMoney() ? "+" : "-") + e.amount() + " -> " + e.balanceAfter()
                + " " + e.reason() + (e.actor() == null ? "" : " [admin " + e.actor().telegramId() + "]");
    }
}
