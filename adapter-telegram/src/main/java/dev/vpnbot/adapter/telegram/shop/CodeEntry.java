package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.PromoWords;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase.ApplyCodeCommand;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.promo.PromoCode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promo codes for buyers: "I have a code" on an order (the next text is the code; the order is
 * placed again with it) and start links {@code t.me/<bot>?start=promo_<code>} (the code is kept for
 * the next order). A refused code leaves the order as it was and says why; a start payload that
 * is not ours or not a code is ignored, and /start shows the menu as always.
 */
final class CodeEntry {
    private static final Logger LOG = LoggerFactory.getLogger(CodeEntry.class);
    /** Telegram's own limit for start payloads: 1-64 of A-Z a-z 0-9 _ -. */
    private static final Pattern PROMO_PAYLOAD = Pattern.compile("promo_([A-Za-z0-9_-]{3," + PromoCode.MAX_LENGTH + "})");
    private static final int MAX_TYPED = 200;

    private final RedeemPromoCodeUseCase codes;
    private final OrderScreen orders;
    private final Conversations conversations;
    private final MainMenu menu;
    /** Orders a code must not be placed again for (a gift's order would lose its gift): no "I have a code". */
    private java.util.function.BiPredicate<dev.vpnbot.domain.user.UserId, OrderId> closed = (user, order) -> false;

    /** @param codes null when promo codes are not wired: the button is refused like an unknown one */
    CodeEntry(RedeemPromoCodeUseCase codes, OrderScreen orders, Conversations conversations, MainMenu menu) {
        this.codes = codes;
        this.orders = orders;
        this.conversations = conversations;
        this.menu = menu;
    }

    CodeEntry closedFor(java.util.function.BiPredicate<dev.vpnbot.domain.user.UserId, OrderId> orders) {
        this.closed = orders;
        return this;
    }

    /** "I have a code": the next message is the code for this order. */
    void ask(Interaction ix, OrderId orderId) {
        Texts t = ix.texts();
        if (codes == null || closed.test(ix.userId(), orderId)) {
            ix.alert(t.label("button.unknown"));
            return;
        }
        conversations.set(ix.chatId(), Conversation.promoCode(orderId.value()));
        ix.show(View.of(t.html("code.ask")).row(backToOrder(t, orderId)));
    }

    /** Text while the code step is open: the code, tried on the order. */
    void received(Interaction ix, String typed, OrderId orderId) {
        Texts t = ix.texts();
        if (codes == null || typed.length() > MAX_TYPED) {
            ix.sendNew(View.of(t.html("refusal.CODE_UNKNOWN")).row(backToOrder(t, orderId)));
            return;
        }
        Order placed;
        try {
            placed = codes.applyToOrder(new ApplyCodeCommand(ix.userId(), orderId, typed.strip()));
        } catch (Refusal refusal) {
            if (!refusal.reason().name().startsWith("CODE_")) throw refusal;
            LOG.info("user {}: code refused for order {}: {}", ix.userId(), orderId, refusal.getMessage());
            // the step stays open: another code may be typed
            ix.sendNew(View.of("⚠️ " + t.html("refusal." + refusal.reason().name()) + "\n\n" + t.html("code.try_again"))
                    .row(backToOrder(t, orderId)));
            return;
        }
        conversations.set(ix.chatId(), Conversation.paying(placed.id().value(), ""));
        ix.toast(t.label("code.applied_toast"));
        orders.show(ix, placed);
    }

    /**
     * /start with a payload: true when it was a promo link and has been answered; false for anything
     * else (no payload, another kind, garbage), which the caller answers with the normal /start.
     */
    boolean startLink(Interaction ix, String payload) {
        if (codes == null || payload == null) return false;
        var m = PROMO_PAYLOAD.matcher(payload);
        if (!m.matches()) return false;
        Texts t = ix.texts();
        try {
            PromoCode code = codes.remember(ix.userId(), m.group(1));
            LOG.info("user {} brought code {} by a start link", ix.userId(), code.code());
            conversations.clear(ix.chatId());
            ix.sendNew(View.of(t.html("code.remembered", code.code(), PromoWords.benefit(t, code.benefit())))
                    .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY))).row(MainMenu.back(t)));
        } catch (Refusal refusal) {
            if (!refusal.reason().name().startsWith("CODE_")) throw refusal;
            LOG.info("user {}: start link code refused: {}", ix.userId(), refusal.getMessage());
            menu.sendNew(ix, "refusal." + refusal.reason().name());
        }
        return true;
    }

    /** The discount line on the order's summary, or the "I have a code" button's place. */
    Optional<String> discountLine(Interaction ix, Order order) {
        if (codes == null) return Optional.empty();
        Texts t = ix.texts();
        return codes.discountOf(ix.userId(), order.id()).map(r -> r.extraDays() > 0
                ? t.html("code.on_order_days", r.code(), t.period(r.extraDays()))
                : t.html("code.on_order", r.code(), t.money(r.off()), t.money(r.listPrice())));
    }

    boolean offered() {
        return codes != null;
    }

    /** Whether "I have a code" is offered on this order. */
    boolean offered(Interaction ix, Order order) {
        return codes != null && !closed.test(ix.userId(), order.id());
    }

    private static Button backToOrder(Texts t, OrderId orderId) {
        return Button.callback(t.label("code.back_to_order"), CallbackData.of(Action.ORDER_CHECK, String.valueOf(orderId.value())));
    }
}
