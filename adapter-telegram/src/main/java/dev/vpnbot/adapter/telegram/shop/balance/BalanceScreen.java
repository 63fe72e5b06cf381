package dev.vpnbot.adapter.telegram.shop.balance;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.application.port.in.balance.ShowBalanceUseCase.BalanceView;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import java.util.List;

/**
 * The buyer's balance: what is on it, its history, topping it up (presets or a typed amount,
 * through an invoice), the auto-renew switch of each key, and paying an order from it (whole,
 * or a top-up over the rest). The money moves in the use cases; this only shows and asks.
 */
public final class BalanceScreen {
    private static final int HISTORY = 15;
    private static final int KEYS_SHOWN = 5;

    private final BalanceUseCases balance;
    private final ShowMyKeysUseCase myKeys;
    private final Conversations conversations;

    public BalanceScreen(BalanceUseCases balance, ShowMyKeysUseCase myKeys, Conversations conversations) {
        this.balance = balance;
        this.myKeys = myKeys;
        this.conversations = conversations;
    }

    public void show(Interaction ix) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        BalanceView view = balance.show().show(ix.userId(), 0);
        View screen = View.of(t.html("balance.text", t.money(view.balance())))
                .row(Button.callback(t.label("balance.button.top_up"), CallbackData.of(Action.BALANCE_TOP_UP)),
                        Button.callback(t.label("balance.button.history"), CallbackData.of(Action.BALANCE_HISTORY)));
        List<KeyOverview> keys = myKeys.myKeys(ix.userId()).stream().filter(k -> k.key().status() == KeyStatus.ACTIVE)
                .limit(KEYS_SHOWN).toList();
        for (KeyOverview k : keys) {
            boolean on = balance.autoRenew().status(ix.userId(), k.key().id()).isPresent();
            screen.row(Button.callback(t.label(on ? "balance.button.auto_renew_on" : "balance.button.auto_renew_off", k.serverName()),
                    CallbackData.of(Action.BALANCE_AUTO_RENEW, k.key().id().value(), on ? 0 : 1)));
        }
        ix.show(screen.row(MainMenu.back(t)));
    }

    public void history(Interaction ix) {
        Texts t = ix.texts();
        List<LedgerEntry> entries = balance.show().show(ix.userId(), HISTORY).history();
        StringBuilder text = new StringBuilder(t.html("balance.history.title"));
        if (entries.isEmpty()) text.append("\n").append(t.html("balance.history.empty"));
        for (LedgerEntry e : entries) {
            String sign = e.kind().addsMoney() ? "+" : "−";
            text.append("\n").append(t.html("balance.history.line", t.date(e.at(), ix.zone()), sign + t.money(e.amount()),
                    t.label("balance.kind." + e.kind().name()), e.reason()));
        }
        ix.show(View.of(text.toString()).row(Button.callback(t.label("balance.button.back"), CallbackData.of(Action.BALANCE)))
                .row(MainMenu.back(t)));
    }

    public void topUpMenu(Interaction ix) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), new Conversation(Conversation.Step.BALANCE_TOP_UP, 0, ""));
        View screen = View.of(t.html("balance.top_up.text"));
        List<Money> presets = balance.topUp().presets();
        for (int i = 0; i < presets.size(); i++) {
            screen.row(Button.callback(t.money(presets.get(i)), CallbackData.of(Action.BALANCE_TOP_UP_PRESET, i + 1)));
        }
        ix.show(screen.row(Button.callback(t.label("balance.button.back"), CallbackData.of(Action.BALANCE))).row(MainMenu.back(t)));
    }

    public void preset(Interaction ix, long n) {
        List<Money> presets = balance.topUp().presets();
        if (n < 1 || n > presets.size()) {
            topUpMenu(ix); // the presets changed since the button was drawn
            return;
        }
        invoice(ix, balance.topUp().topUp(ix.userId(), presets.get((int) n - 1)));
    }

    /** Text typed while "Top up balance" is open: an amount, or a clear word on what is wrong with it. */
    public void typed(Interaction ix, String text) {
        Money amount;
        try {
            amount = balance.show().amount(text);
        } catch (Refusal refusal) {
            Texts t = ix.texts();
            ix.sendNew(View.of(t.html("balance.top_up.bad_amount", text == null ? "" : text))
                    .row(Button.callback(t.label("balance.button.back"), CallbackData.of(Action.BALANCE))));
            return;
        }
        conversations.clear(ix.chatId());
        TopUp topUp = balance.topUp().topUp(ix.userId(), amount);
        Texts t = ix.texts();
        ix.sendNew(invoiceView(t, topUp));
    }

    public void payOrder(Interaction ix, OrderId orderId) {
        Texts t = ix.texts();
        try {
            Order paid = balance.pay().payWhole(ix.userId(), orderId);
            ix.show(View.of(t.html("balance.order_paid", paid.publicId().value(), t.money(paid.price())))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS))).row(MainMenu.back(t)));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.BALANCE_TOO_LOW) throw refusal;
            ix.show(View.of(t.html("balance.too_low", refusal.getMessage().replace(refusal.reason() + ": ", "")))
                    .row(Button.callback(t.label("balance.button.pay_rest"), CallbackData.of(Action.BALANCE_PAY_REST, orderId.value())))
                    .row(MainMenu.back(t)));
        }
    }

    public void payRest(Interaction ix, OrderId orderId) {
        invoice(ix, balance.pay().topUpRest(ix.userId(), orderId));
    }

    public void autoRenew(Interaction ix, KeyId key, boolean on) {
        Texts t = ix.texts();
        if (on) {
            balance.autoRenew().switchOn(ix.userId(), key);
        } else {
            balance.autoRenew().switchOff(ix.userId(), key);
        }
        ix.toast(t.label(on ? "balance.auto_renew.switched_on" : "balance.auto_renew.switched_off"));
        show(ix);
    }

    /** The order screen's extra buttons: pay it from the balance. */
    public static Button payButton(Texts t, Order order) {
        return Button.callback(t.label("balance.button.pay_order"), CallbackData.of(Action.BALANCE_PAY_ORDER, order.id().value()));
    }

    private void invoice(Interaction ix, TopUp topUp) {
        conversations.clear(ix.chatId());
        ix.show(invoiceView(ix.texts(), topUp));
    }

    private static View invoiceView(Texts t, TopUp topUp) {
        View view = View.of(t.html(topUp.forOrder() == null ? "balance.top_up.invoice" : "balance.top_up.invoice_for_order",
                t.money(topUp.amount())));
        if (topUp.invoice() != null && !topUp.invoice().payUrl().isBlank()) {
            view.row(Button.url(t.label("balance.button.pay", t.money(topUp.amount())), topUp.invoice().payUrl()));
        }
        return view.row(Button.callback(t.label("balance.button.back"), CallbackData.of(Action.BALANCE))).row(MainMenu.back(t));
    }
}
