package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Buying a new key: tariff → server (or "choose for me") → the order to pay. */
final class BuyFlow {
    private final ListTariffsUseCase tariffs;
    private final ListServersForPurchaseUseCase servers;
    private final PlaceOrderUseCase placeOrder;
    private final CheckPaymentUseCase checkPayment;
    private final OrderScreen orders;
    private final Conversations conversations;
    private dev.vpnbot.application.port.in.gifts.GiftsUseCase gifts;

    BuyFlow(ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
            CheckPaymentUseCase checkPayment, OrderScreen orders, Conversations conversations) {
        this.tariffs = tariffs;
        this.servers = servers;
        this.placeOrder = placeOrder;
        this.checkPayment = checkPayment;
        this.orders = orders;
        this.conversations = conversations;
    }

    /** Gift codes: "Buy as a gift" on a tariff, "My gifts" under the price list; null: neither. */
    BuyFlow withGifts(dev.vpnbot.application.port.in.gifts.GiftsUseCase giftCodes) {
        this.gifts = giftCodes;
        return this;
    }

    /** "Buy as a gift": the gift's order, paid like any other; its link comes when it is paid. */
    void gift(Interaction ix, TariffId tariffId) {
        if (gifts == null) {
            ix.alert(ix.texts().label("button.unknown"));
            return;
        }
        placeOnce(ix, conversations, checkPayment, () -> gifts.buy(ix.userId(), tariffId)).ifPresent(order -> {
            ix.toast(ix.texts().label("gift.order_toast"));
            orders.show(ix, order);
        });
    }

    void tariffs(Interaction ix) {
        Texts t = ix.texts();
        Optional<SalesPause> pause = tariffs.salesPause();
        if (pause.isPresent()) {
            // maintenance: the operator's words instead of the price list; renewals stay open from My keys
            conversations.clear(ix.chatId());
            ix.show(View.of(t.htmlRaw("buy.paused", Html.escape(pause.get().message()))
                            .replace("\n\n\n", "\n\n"))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS))).row(MainMenu.back(t)));
            return;
        }
        conversations.set(ix.chatId(), Conversation.buying());
        List<Tariff> offered = tariffs.activeTariffs();
        if (offered.isEmpty()) {
            ix.show(View.of(t.html("buy.no_tariffs")).row(MainMenu.back(t)));
            return;
        }
        View view = View.of(t.html("buy.tariffs"));
        for (Tariff tariff : offered) {
            view.row(Button.callback(t.label("buy.tariff_button", t.period(tariff.days()), t.money(tariff.price())),
                    CallbackData.of(Action.BUY_TARIFF, tariff.id().value())));
        }
        if (gifts != null) view.row(Button.callback(t.label("gift.mine_button"), CallbackData.of(Action.GIFTS)));
        ix.show(view.row(MainMenu.back(t)));
    }

    void tariff(Interaction ix, TariffId tariffId) {
        Texts t = ix.texts();
        Optional<Tariff> tariff = tariffs.activeTariffs().stream().filter(x -> x.id().equals(tariffId)).findFirst();
        if (tariff.isEmpty()) {
            ix.toast(t.label("refusal.TARIFF_NOT_AVAILABLE"));
            tariffs(ix);
            return;
        }
        conversations.set(ix.chatId(), Conversation.buying());
        List<Server> offered = servers.serversForPurchase();
        if (offered.isEmpty()) {
            ix.show(View.of(t.html("refusal.NO_SERVER_AVAILABLE"))
                    .row(Button.callback(t.label("button.back"), CallbackData.of(Action.BUY))).row(MainMenu.back(t)));
            return;
        }
        if (servers.groupOf(tariffId).isPresent()) {
            server(ix, tariffId, null); // a key on every location of the group: nothing to pick
            return;
        }
        View view = View.of(t.html("buy.servers", t.period(tariff.get().days()), t.money(tariff.get().price())))
                .row(Button.callback(t.label("buy.auto_server"), CallbackData.of(Action.BUY_SERVER, tariffId.value(), 0)));
        for (Server server : offered) {
            view.row(Button.callback(server.name(), CallbackData.of(Action.BUY_SERVER, tariffId.value(), server.id().value())));
        }
        if (gifts != null) view.row(Button.callback(t.label("gift.buy_button"), CallbackData.of(Action.GIFT_BUY, tariffId.value())));
        ix.show(view.row(Button.callback(t.label("button.back"), CallbackData.of(Action.BUY))).row(MainMenu.back(t)));
    }

    /** @param serverId null: the bot picks the least loaded server */
    void server(Interaction ix, TariffId tariffId, ServerId serverId) {
        placeOnce(ix, conversations, checkPayment,
                () -> placeOrder.placeNewKey(new PlaceNewKeyOrderCommand(ix.userId(), tariffId, serverId)))
                .ifPresent(order -> orders.show(ix, order));
    }

    /**
     * Places the order unless this very button already placed one that still waits for money
     * (a double tap, or the same button pressed again): then that order is shown again. Empty when
     * the gateway could not be asked about that order (the user was told to try again).
     */
    static Optional<Order> placeOnce(Interaction ix, Conversations conversations, CheckPaymentUseCase checkPayment,
                                     Supplier<Order> place) {
        Optional<Conversation> current = conversations.of(ix.chatId())
                .filter(c -> c.step() == Conversation.Step.PAYING && c.choice().equals(ix.callbackData()));
        if (current.isPresent()) {
            try {
                Optional<Order> placed = OrderScreen.checked(ix, checkPayment, new OrderId(current.get().id()));
                if (placed.isEmpty() || placed.get().status().isWaitingForPayment()) return placed;
            } catch (Refusal gone) {
                // not there any more: place a new one
            }
        }
        Order order = place.get();
        conversations.set(ix.chatId(), Conversation.paying(order.id().value(), ix.callbackData()));
        return Optional.of(order);
    }
}
