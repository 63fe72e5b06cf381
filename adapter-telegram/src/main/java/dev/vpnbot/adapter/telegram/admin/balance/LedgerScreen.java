package dev.vpnbot.adapter.telegram.admin.balance;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase.Ledger;
import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A user's ledger for the admins (from the user card): the balance, the latest entries (who
 * posted a manual one), manual credit and debit typed as "amount reason", and who has auto-renew on.
 */
public final class LedgerScreen {
    private static final int ENTRIES = 20;

    private final ManageBalancesUseCase balances;
    private final Conversations conversations;

    public LedgerScreen(ManageBalancesUseCase balances, Conversations conversations) {
        this.balances = balances;
        this.conversations = conversations;
    }

    public void show(Interaction ix, UserId user) {
        show(ix, user, "");
    }

    public void askEntry(Interaction ix, UserId user, boolean credit) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_LEDGER_ENTRY, user.telegramId(), credit ? "credit" : "debit"));
        ix.show(View.of(t.html(credit ? "admin.ledger.ask_credit" : "admin.ledger.ask_debit", user.telegramId()))
                .row(cancel(t, CallbackData.of(Action.USER_LEDGER, user.telegramId()))));
    }

    /** "12.50 apology for the outage": the amount, then the reason. */
    public void received(Interaction ix, Message message, Conversation c) {
        Texts t = ix.texts();
        UserId user = new UserId(c.id());
        String text = message.hasText() ? message.getText().strip() : "";
        String[] parts = text.split("\\s+", 2);
        String reason = parts.length > 1 ? parts[1] : "";
        try {
            LedgerEntry entry = "credit".equals(c.choice())
                    ? balances.credit(ix.userId(), user, parts[0], reason)
                    : balances.debit(ix.userId(), user, parts[0], reason);
            conversations.clear(ix.chatId());
            ix.sendNew(view(ix, balances.ledger(ix.userId(), user, ENTRIES), t.html("admin.ledger.posted", t.money(entry.amount()))));
        } catch (Refusal refusal) {
            if (refusal.reason() == Refusal.Reason.NOT_ADMIN) throw refusal;
            ix.sendNew(View.of(t.html("admin.ledger.refused", refusal.getMessage()))
                    .row(cancel(t, CallbackData.of(Action.USER_LEDGER, user.telegramId()))));
        }
    }

    public void autoRenewers(Interaction ix) {
        Texts t = ix.texts();
        List<AutoRenew> on = balances.autoRenewers(ix.userId(), 50);
        StringBuilder text = new StringBuilder(t.html("admin.auto_renewers.title", on.size()));
        View view = View.of("");
        for (AutoRenew a : on) {
            text.append("\n").append(t.html("admin.auto_renewers.line", a.user().telegramId(), a.key().value(), t.date(a.enabledAt(), ix.zone())));
        }
        on.stream().map(AutoRenew::user).distinct().limit(10).forEach(u ->
                view.row(Button.callback(String.valueOf(u.telegramId()), CallbackData.of(Action.USER_LEDGER, u.telegramId()))));
        ix.show(View.of(text.toString()).rowsOf(view).row(back(t)));
    }

    private void show(Interaction ix, UserId user, String note) {
        conversations.clear(ix.chatId());
        ix.show(view(ix, balances.ledger(ix.userId(), user, ENTRIES), note));
    }

    private static View view(Interaction ix, Ledger ledger, String note) {
        Texts t = ix.texts();
        long uid = ledger.user().telegramId();
        StringBuilder text = new StringBuilder(note.isEmpty() ? "" : note + "\n\n")
                .append(t.html("admin.ledger.title", uid, t.money(ledger.balance())));
        for (LedgerEntry e : ledger.entries()) {
            String who = e.actor() == null ? "" : " · admin " + e.actor().telegramId();
            text.append("\n").append(t.html("admin.ledger.line", t.date(e.at(), ix.zone()), e.kind().name(),
                    (e.kind().addsMoney() ? "+" : "−") + t.money(e.amount()), t.money(e.balanceAfter()), e.reason() + who));
        }
        return View.of(text.toString())
                .row(Button.callback(t.label("admin.ledger.credit"), CallbackData.of(Action.USER_LEDGER_ENTRY, uid, 1)),
                        Button.callback(t.label("admin.ledger.debit"), CallbackData.of(Action.USER_LEDGER_ENTRY, uid, 0)))
                .row(Button.callback(t.label("admin.grant.back_to_user"), CallbackData.of(Action.USER, uid)), back(t));
    }

    /** « Admin panel (as AdminHome's; a sub-package does not reach back into admin). */
    private static Button back(Texts t) {
        return Button.callback(t.label("admin.back"), CallbackData.of(Action.ADMIN_HOME));
    }

    private static Button cancel(Texts t, String data) {
        return Button.callback(t.label("admin.cancel"), data);
    }
}
