package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;

/** Extending a key: tariff → the order to pay. Never a server choice: a key stays on its server. */
final class ExtendFlow {
    private final ListTariffsUseCase tariffs;
    private final PlaceOrderUseCase placeOrder;
    private final CheckPaymentUseCase checkPayment;
    private final KeysScreen keys;
    private final OrderScreen orders;
    private final Conversations conversations;

    ExtendFlow(ListTariffsUseCase tariffs, PlaceOrderUseCase placeOrder, CheckPaymentUseCase checkPayment,
               KeysScreen keys, OrderScreen orders, Conversations conversations) {
        this.tariffs = tariffs;
        this.placeOrder = placeOrder;
        this.checkPayment = checkPayment;
        this.keys = keys;
        this.orders = orders;
        this.conversations = conversations;
    }

    void tariffs(Interaction ix, KeyId keyId) {
        Texts t = ix.texts();
        KeyOverview key = keys.own(ix, keyId);
        conversations.set(ix.chatId(), Conversation.extending(keyId.value()));
        List<Tariff> offered = tariffs.activeTariffs();
        View view = View.of(t.html(offered.isEmpty() ? "buy.no_tariffs" : "extend.tariffs", key.serverName(),
                t.date(key.key().expiresAt(), ix.zone()), t.remaining(key.remaining())));
        for (Tariff tariff : offered) {
            view.row(Button.callback(t.label("buy.tariff_button", t.period(tariff.days()), t.money(tariff.price())),
                    CallbackData.of(Action.EXTEND_TARIFF, keyId.value(), tariff.id().value())));
        }
        ix.show(view.row(Button.callback(t.label("button.back"), CallbackData.of(Action.KEY, keyId.value()))).row(MainMenu.back(t)));
    }

    void tariff(Interaction ix, KeyId keyId, TariffId tariffId) {
        BuyFlow.placeOnce(ix, conversations, checkPayment,
                () -> placeOrder.placeRenewal(new PlaceRenewalCommand(ix.userId(), keyId, tariffId)))
                .ifPresent(order -> orders.show(ix, order));
    }
}
