package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.shop.balance.BalanceScreen;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import java.util.OptionalInt;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase.CheckPaymentCommand;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.server.Server;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An order and its payment: the summary with Pay (the gateway's page), Check payment and
 * Cancel, and what the user sees once the order is paid, cancelled, expired or underpaid. The
 * paying step of the conversation ends when the order leaves "waiting for payment".
 *
 * <p>In payment test mode the summary also has "Pay (test)", which pays the order through the
 * same path as a verified gateway notification. Without test mode that button is never shown
 * and its data is refused like any unknown button.
 */
final class OrderScreen {
    private static final Logger LOG = LoggerFactory.getLogger(OrderScreen.class);

    private final CheckPaymentUseCase checkPayment;
    private final CancelOrderUseCase cancelOrder;
    private final ListServersForPurchaseUseCase servers;
    private final ShowMyKeysUseCase myKeys;
    private final Conversations conversations;
    private final PayInTestModeUseCase testPayments;
    private final boolean testMode;
    private StarsInvoices stars;
    private boolean crypto = true;
    private CodeEntry codes;
    /** "Pay from balance" on unpaid orders (docs/BALANCE.md) */
    private boolean balance;

    /** @param testPayments the test payment use case when test mode is on; null switches test mode off */
    /** traffic packs; null: none */
    private ListTariffsUseCase packs;

    OrderScreen(CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ListServersForPurchaseUseCase servers,
                ShowMyKeysUseCase myKeys, Conversations conversations, PayInTestModeUseCase testPayments) {
        this.checkPayment = checkPayment;
        this.cancelOrder = cancelOrder;
        this.servers = servers;
        this.myKeys = myKeys;
        this.conversations = conversations;
        this.testPayments = testPayments;
        this.testMode = testPayments != null;
    }

    /**
     * The ways to pay besides test mode: crypto when the gateway is configured, Stars when
     * {@code stars} is given (each order then says whether they are offered for it).
     */
    OrderScreen payWith(boolean cryptoConfigured, StarsInvoices starsInvoices) {
        this.crypto = cryptoConfigured;
        this.stars = starsInvoices;
        return this;
    }

    /** Promo codes: the discount line on the summary, or the "I have a code" button. */
    OrderScreen withCodes(CodeEntry codeEntry) {
        this.codes = codeEntry;
        return this;
    }

    OrderScreen withBalance(boolean offered) {
        this.balance = offered;
        return this;
    }

    /** "Pay with Stars": the order's Stars invoice in the chat (refused like an unknown button without Stars). */
    void payWithStars(Interaction ix, OrderId orderId) {
        if (stars == null) {
            ix.alert(ix.texts().label("button.unknown"));
            return;
        }
        stars.send(ix, orderId);
    }

    /** "Pay (test)": refused unless test mode is on; the use case checks the order is the user's own. */
    void payForTest(Interaction ix, OrderId orderId) {
        if (!testMode) {
            LOG.warn("user {} pressed Pay (test) for order {} but test payments are off: refused", ix.userId(), orderId);
            ix.alert(ix.texts().label("button.unknown"));
            return;
        }
        Order paid = testPayments.payForTest(ix.userId(), orderId);
        LOG.info("order {} of user {} paid in test mode", orderId, ix.userId());
        show(ix, paid);
    }

    /** Asks the gateway now (the same path as its notification) and shows where the order stands. */
    void check(Interaction ix, OrderId orderId) {
        checked(ix, checkPayment, orderId).ifPresent(order -> {
            if (order.status().isWaitingForPayment()) ix.toast(ix.texts().label("order.not_paid_yet"));
            show(ix, order);
        });
    }

    void cancel(Interaction ix, OrderId orderId) {
        Optional<Order> order;
        try {
            order = Optional.of(cancelOrder.cancel(ix.userId(), orderId));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.ORDER_NOT_PAYABLE) throw refusal;
            // paid (or otherwise settled) in the meantime: show how it stands instead
            order = checked(ix, checkPayment, orderId);
        }
        order.ifPresent(o -> show(ix, o));
    }

    /**
     * The order after asking the gateway about it. When the gateway cannot be asked now the user
     * only hears "try again later" and the screen stays as it is, Check payment button and all.
     */
    static Optional<Order> checked(Interaction ix, CheckPaymentUseCase checkPayment, OrderId orderId) {
        try {
            return Optional.of(checkPayment.check(new CheckPaymentCommand(ix.userId(), orderId)));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE) throw refusal;
            LOG.warn("user {}: payment gateway unavailable: {}", ix.userId(), refusal.getMessage());
            ix.toast(ix.texts().label("refusal.PAYMENT_GATEWAY_UNAVAILABLE"));
            return Optional.empty();
        }
    }

    void show(Interaction ix, Order order) {
        Texts t = ix.texts();
        if (!order.status().isWaitingForPayment()) endPayingStep(ix, order);
        // a renewal extends the key the user has: never promise a new one
        String renewal = order.purpose() instanceof OrderPurpose.Renewal ? "_renewal" : "";
        View view = switch (order.status()) {
            case CREATED, AWAITING_PAYMENT -> summary(ix, order);
            case PAID -> View.of(t.html("order.paid" + renewal, order.publicId().value()))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS))).row(MainMenu.back(t));
            case FULFILLED -> View.of(t.html("order.fulfilled" + renewal, order.publicId().value()))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS))).row(MainMenu.back(t));
            case CANCELLED -> lateCheck(t, order, View.of(t.html("order.cancelled", order.publicId().value())))
                    .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY))).row(MainMenu.back(t));
            case EXPIRED -> lateCheck(t, order, View.of(t.html("order.expired", order.publicId().value())))
                    .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY))).row(MainMenu.back(t));
            case UNDERPAID -> lateCheck(t, order, View.of(t.html("order.underpaid", order.publicId().value(),
                            order.amountPaid() == null ? "?" : t.money(order.amountPaid()), t.money(order.price()))))
                    .rows(balance ? List.of(BalanceScreen.payButton(t, order)) : List.of())
                    .row(Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT))).row(MainMenu.back(t));
        };
        ix.show(view);
    }

    /** An order given up on may still be paid while its invoice lives: the buyer can still ask. */
    private static View lateCheck(Texts t, Order order, View view) {
        if (order.invoice() == null) return view;
        return view.row(Button.callback(t.label("order.check"), CallbackData.of(Action.ORDER_CHECK, String.valueOf(order.id().value()))));
    }

    /** Offers traffic packs: their orders say how many GB they add, not a period. */
    OrderScreen showingPacks(ListTariffsUseCase catalogue) {
        this.packs = catalogue;
        return this;
    }

    /** The GB a renewal order adds when its tariff is a traffic pack. */
    private OptionalInt packGb(Order order) {
        if (packs == null || !(order.purpose() instanceof OrderPurpose.Renewal)) return OptionalInt.empty();
        return packs.trafficPacks().stream().filter(p -> p.tariff().id().equals(order.tariff().tariffId()))
                .mapToInt(ListTariffsUseCase.TrafficPackOffer::gb).findFirst();
    }

    private View summary(Interaction ix, Order order) {
        Texts t = ix.texts();
        StringBuilder text = new StringBuilder(t.html("order.title", order.publicId().value())).append("\n\n");
        if (order.purpose() instanceof OrderPurpose.NewKey newKey) {
            Optional<String> group = servers.groupOf(order.tariff().tariffId());
            text.append(group.isPresent() ? t.html("order.new_key_group", groupName(t, group.get()))
                    : t.html("order.new_key", serverName(newKey))).append('\n');
        } else {
            text.append(t.html("order.renewal", renewedKeyServer(ix, order))).append('\n');
        }
        boolean starsOffered = stars != null && stars.offered(ix, order);
        OptionalInt packGb = packGb(order);
        text.append(packGb.isPresent() ? t.html("order.pack", packGb.getAsInt()) : t.html("order.period", t.period(order.tariff().days())))
                .append('\n').append(t.html("order.price", t.money(order.price()))).append('\n');
        Optional<String> discount = codes == null ? Optional.empty() : codes.discountLine(ix, order);
        discount.ifPresent(line -> text.append(line).append('\n'));
        if (starsOffered) text.append(t.html("order.price_stars", order.starsPrice().orElseThrow().count())).append('\n');
        text.append(t.html("order.deadline", t.date(order.paymentDeadline(), ix.zone()))).append("\n\n");
        if (testMode) text.append(t.html("order.test_mode")).append("\n\n");
        String orderId = String.valueOf(order.id().value());
        boolean cryptoButton = crypto && order.invoice() != null;
        text.append(t.html(cryptoButton || starsOffered ? hint(order) : crypto ? "order.no_invoice" : "order.no_method"));
        if (starsOffered) text.append("\n\n").append(t.html("order.terms"));
        View view = View.of(text.toString());
        if (cryptoButton) view.row(Button.url(t.label("order.pay", t.money(order.price())), order.invoice().payUrl()));
        if (starsOffered) {
            view.row(Button.callback(t.label("order.pay_stars", order.starsPrice().orElseThrow().count()),
                    CallbackData.of(Action.ORDER_PAY_STARS, orderId)));
        }
        if (testMode) view.row(Button.callback(t.label("order.pay_test"), CallbackData.of(Action.ORDER_PAY_TEST, orderId)));
        if (codes != null && codes.offered(ix, order) && discount.isEmpty()) {
            view.row(Button.callback(t.label("order.have_code"), CallbackData.of(Action.ORDER_CODE, orderId)));
        }
        return view
                .row(Button.callback(t.label("order.check"), CallbackData.of(Action.ORDER_CHECK, orderId)))
                .row(Button.callback(t.label("order.cancel"), CallbackData.of(Action.ORDER_CANCEL, orderId)))
                .rows(balance ? List.of(BalanceScreen.payButton(t, order)) : List.of())
                .row(MainMenu.back(t));
    }

    /** A renewal's hint says the key is being extended, not that a new one is coming. */
    private static String hint(Order order) {
        return order.purpose() instanceof OrderPurpose.Renewal ? "order.hint_renewal" : "order.hint";
    }

    /** "all" in the reader's words; a named group as the admin named it. */
    private static String groupName(Texts t, String group) {
        return group.equalsIgnoreCase("all") ? t.label("order.all_locations") : group;
    }

    private String serverName(OrderPurpose.NewKey newKey) {
        return servers.serversForPurchase().stream().filter(s -> s.id().equals(newKey.serverId()))
                .map(Server::name).findFirst().orElse("#" + newKey.serverId());
    }

    private String renewedKeyServer(Interaction ix, Order order) {
        return myKeys.myKeys(ix.userId()).stream().filter(k -> k.key().id().equals(order.keyId()))
                .map(ShowMyKeysUseCase.KeyOverview::serverName).findFirst().orElse("#" + order.keyId());
    }

    private void endPayingStep(Interaction ix, Order order) {
        conversations.of(ix.chatId())
                .filter(c -> c.step() == Conversation.Step.PAYING && c.id() == order.id().value())
                .ifPresent(c -> conversations.clear(ix.chatId()));
    }
}
