package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.shop.zone.TimeZoneScreen;
import dev.vpnbot.adapter.telegram.shop.balance.BalanceScreen;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.adapter.telegram.shop.growth.GrowthScreens;
import dev.vpnbot.adapter.telegram.web.ConnectLinks;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiConsumer;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The shop inside the bot, as the dispatcher sees it: routes the buyers' buttons, commands and
 * typed messages to their screens (menu, buying, orders, keys, extending, connecting, support,
 * language), and relays the support side's answers back to buyers.
 */
public final class ShopDesk {
    private final MainMenu menu;
    private final BuyFlow buy;
    private final OrderScreen orders;
    private final KeysScreen keys;
    private final ExtendFlow extend;
    private final ConnectGuide connect;
    private final SupportDesk support;
    private final LanguageScreen language;
    private final TimeZoneScreen timeZone;
    private final CodeEntry codes;
    /** null when the bot was assembled without the balance */
    private final BalanceScreen balance;
    private final GrowthScreens growth;
    private final dev.vpnbot.adapter.telegram.shop.gifts.GiftScreen gifts;
    /** null when the bot was assembled without moves */
    private final dev.vpnbot.adapter.telegram.shop.move.MoveScreen moves;

    /** @param useCases with {@link ShopSettings#paymentTestMode()} on, they must include the test payment use case */
    public ShopDesk(ShopSettings settings, TelegramUseCases useCases, ConnectLinks links, Outbox sender, Conversations conversations) {
        this.growth = new GrowthScreens(useCases.trial(), useCases.invite(), useCases.invite() != null);
        this.menu = new MainMenu(conversations, settings::isAdmin, growth);
        this.orders = new OrderScreen(useCases.checkPayment(), useCases.cancelOrder(), useCases.servers(), useCases.myKeys(),
                conversations, settings.paymentTestMode() ? useCases.payInTestMode() : null)
                .payWith(settings.cryptoPayments(), useCases.payWithStars() == null ? null : new StarsInvoices(useCases.payWithStars(), sender))
                .withBalance(useCases.balance() != null).showingPacks(useCases.tariffs());
        this.balance = useCases.balance() == null ? null : new BalanceScreen(useCases.balance(), useCases.myKeys(), conversations);
        this.codes = new CodeEntry(useCases.promoCodes(), orders, conversations, menu);
        if (useCases.gifts() != null) codes.closedFor(useCases.gifts()::isGift);
        orders.withCodes(codes);
        this.buy = new BuyFlow(useCases.tariffs(), useCases.servers(), useCases.placeOrder(), useCases.checkPayment(), orders, conversations)
                .withGifts(useCases.gifts());
        this.gifts = useCases.gifts() == null ? null
                : new dev.vpnbot.adapter.telegram.shop.gifts.GiftScreen(useCases.gifts(), useCases.servers(), menu, Clock.systemUTC());
        this.keys = new KeysScreen(useCases.myKeys(), new KeyCard(sender, settings.subscriptionBaseUrl()), useCases.resetLink(),
                useCases.keyUsage(), useCases.diagnoseKey()).offeringPacks(useCases.tariffs()).offeringMoves(useCases.moves() != null);
        this.moves = useCases.moves() == null ? null
                : new dev.vpnbot.adapter.telegram.shop.move.MoveScreen(useCases.moves(), keys::sendCard);
        this.extend = new ExtendFlow(useCases.tariffs(), useCases.placeOrder(), useCases.checkPayment(), keys, orders, conversations);
        this.connect = new ConnectGuide(useCases.myKeys(), keys, links, settings.subscriptionBaseUrl(), useCases.apps());
        this.support = new SupportDesk(settings, sender, useCases.myKeys(), useCases.findUser(), conversations, menu);
        this.language = new LanguageScreen(useCases.changeLanguage(), menu, settings.defaultZone());
        this.timeZone = new TimeZoneScreen(useCases.changeTimeZone(), conversations, menu, settings.defaultZone(), Clock.systemUTC());
    }

    /** Adds the shop's buttons to the dispatcher's table. */
    public void route(Map<Action, BiConsumer<Interaction, CallbackData>> buttons) {
        buttons.put(Action.MENU, (ix, d) -> menu.show(ix));
        buttons.put(Action.BUY, (ix, d) -> buy.tariffs(ix));
        buttons.put(Action.BUY_TARIFF, (ix, d) -> buy.tariff(ix, new TariffId(d.id(0))));
        buttons.put(Action.BUY_SERVER, (ix, d) -> buy.server(ix, new TariffId(d.id(0)), d.id(1) == 0 ? null : new ServerId(d.id(1))));
        buttons.put(Action.ORDER_CHECK, (ix, d) -> orders.check(ix, new OrderId(d.id(0))));
        buttons.put(Action.ORDER_CANCEL, (ix, d) -> orders.cancel(ix, new OrderId(d.id(0))));
        buttons.put(Action.KEYS, (ix, d) -> keys.list(ix, 0));
        buttons.put(Action.KEYS_PAGE, (ix, d) -> keys.list(ix, (int) Math.min(d.id(0), Integer.MAX_VALUE / ShowMyKeysUseCase.PAGE_SIZE)));
        buttons.put(Action.KEY, (ix, d) -> keys.key(ix, new KeyId(d.id(0))));
        buttons.put(Action.KEY_SHOW, (ix, d) -> keys.show(ix, new KeyId(d.id(0))));
        buttons.put(Action.KEY_EXTEND, (ix, d) -> extend.tariffs(ix, new KeyId(d.id(0))));
        buttons.put(Action.KEY_RESET_LINK, (ix, d) -> keys.resetLink(ix, new KeyId(d.id(0))));
        buttons.put(Action.KEY_DOCTOR, (ix, d) -> keys.diagnose(ix, new KeyId(d.id(0))));
        buttons.put(Action.KEY_DOCTOR_SUPPORT, (ix, d) -> keys.diagnosedSupport(ix, new KeyId(d.id(0)), support));
        buttons.put(Action.EXTEND_TARIFF, (ix, d) -> extend.tariff(ix, new KeyId(d.id(0)), new TariffId(d.id(1))));
        buttons.put(Action.CONNECT, (ix, d) -> connect.platforms(ix, null));
        buttons.put(Action.CONNECT_FOR_KEY, (ix, d) -> connect.platforms(ix, new KeyId(d.id(0))));
        buttons.put(Action.CONNECT_PLATFORM, (ix, d) -> connect.platform(ix, d.platform(0), null));
        buttons.put(Action.CONNECT_PLATFORM_FOR_KEY, (ix, d) -> connect.platform(ix, d.platform(0), new KeyId(d.id(1))));
        buttons.put(Action.SUPPORT, (ix, d) -> support.open(ix));
        buttons.put(Action.SUPPORT_CANCEL, (ix, d) -> support.cancel(ix));
        buttons.put(Action.LANGUAGE, (ix, d) -> language.show(ix));
        buttons.put(Action.LANGUAGE_SET, (ix, d) -> language.choose(ix, d.language(0)));
        buttons.put(Action.ORDER_PAY_TEST, (ix, d) -> orders.payForTest(ix, new OrderId(d.id(0))));
        buttons.put(Action.ORDER_PAY_STARS, (ix, d) -> orders.payWithStars(ix, new OrderId(d.id(0))));
        buttons.put(Action.TIME_ZONE, (ix, d) -> timeZone.show(ix));
        buttons.put(Action.TIME_ZONE_SET, (ix, d) -> timeZone.choose(ix, d.zone(0)));
        buttons.put(Action.ORDER_CODE, (ix, d) -> codes.ask(ix, new OrderId(d.id(0))));
        buttons.put(Action.BALANCE, (ix, d) -> balance().show(ix));
        buttons.put(Action.BALANCE_HISTORY, (ix, d) -> balance().history(ix));
        buttons.put(Action.BALANCE_TOP_UP, (ix, d) -> balance().topUpMenu(ix));
        buttons.put(Action.BALANCE_TOP_UP_PRESET, (ix, d) -> balance().preset(ix, d.id(0)));
        buttons.put(Action.BALANCE_PAY_ORDER, (ix, d) -> balance().payOrder(ix, new OrderId(d.id(0))));
        buttons.put(Action.BALANCE_PAY_REST, (ix, d) -> balance().payRest(ix, new OrderId(d.id(0))));
        buttons.put(Action.BALANCE_AUTO_RENEW, (ix, d) -> balance().autoRenew(ix, new KeyId(d.id(0)), d.flag(1)));
        growth.route(buttons);
        buttons.put(Action.GIFT_BUY, (ix, d) -> buy.gift(ix, new TariffId(d.id(0))));
        buttons.put(Action.GIFTS, (ix, d) -> withGifts(ix, g -> g.mine(ix)));
        buttons.put(Action.GIFT_SERVER, (ix, d) -> withGifts(ix, g -> g.take(ix, d.gift(0), new ServerId(d.id(1)))));
        buttons.put(Action.GIFT_LINK, (ix, d) -> withGifts(ix, g -> g.link(ix, d.id(0))));
        buttons.put(Action.GIFT_RECLAIM, (ix, d) -> withGifts(ix, g -> g.reclaim(ix, d.id(0))));
        buttons.put(Action.KEY_MOVE, (ix, d) -> withMoves(ix, m -> m.choose(ix, new KeyId(d.id(0)))));
        buttons.put(Action.KEY_MOVE_CONFIRM, (ix, d) -> withMoves(ix, m -> m.confirm(ix, new KeyId(d.id(0)), new ServerId(d.id(1)))));
        buttons.put(Action.KEY_MOVE_TO, (ix, d) -> withMoves(ix, m -> m.move(ix, new KeyId(d.id(0)), new ServerId(d.id(1)))));
    }

    /** Move buttons when moves are not wired are refused like unknown ones. */
    private void withMoves(Interaction ix, java.util.function.Consumer<dev.vpnbot.adapter.telegram.shop.move.MoveScreen> action) {
        if (moves == null) ix.alert(ix.texts().label("button.unknown"));
        else action.accept(moves);
    }

    /** Gift buttons when gifts are not wired are refused like unknown ones. */
    private void withGifts(Interaction ix, java.util.function.Consumer<dev.vpnbot.adapter.telegram.shop.gifts.GiftScreen> action) {
        if (gifts == null) ix.alert(ix.texts().label("button.unknown"));
        else action.accept(gifts);
    }

    /** A buyer's command with what followed it (/start comes through {@link #start}): as {@link #command(Interaction, String)}. */
    public void command(Interaction ix, String command, String argument) {
        command(ix, command);
    }

    /**
     * /start, with the start link's parameter if any: a promo link keeps its code for the next
     * order; a gift link offers the gift's locations; an invitation is recorded when the rules allow;
     * anything else is ignored. Then the menu.
     *
     * @param newcomer the bot had never seen the user before this /start
     */
    public void start(Interaction ix, String payload, boolean newcomer) {
        if (codes.startLink(ix, payload)) return;
        if (gifts != null && gifts.startLink(ix, payload)) return;
        growth.started(ix, payload, newcomer);
        menu.sendNew(ix);
    }

    /** A buyer's command; /start, /menu and anything unknown show the menu. */
    public void command(Interaction ix, String command) {
        switch (command) {
            case "buy" -> buy.tariffs(ix);
            case "keys" -> keys.list(ix, 0);
            case "connect", "help" -> connect.platforms(ix, null);
            case "support" -> support.open(ix);
            case "language" -> language.show(ix);
            case "paysupport" -> paySupport(ix);
            case "timezone" -> timeZone.show(ix);
            case "balance" -> balance().show(ix);
            default -> menu.sendNew(ix); // start, menu and anything unknown
        }
    }

    /** /paysupport (Telegram asks bots that sell digital goods for it): how payments, refunds and disputes work, and the way to support. */
    private void paySupport(Interaction ix) {
        Texts t = ix.texts();
        ix.sendNew(View.of(t.html("paysupport.text")).row(View.Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                .row(MainMenu.back(t)));
    }

    /** The buyer's Stars payment has been applied: the order is paid, the key is on its way. */
    public void paidInStars(Interaction ix, String publicOrderId) {
        Texts t = ix.texts();
        ix.sendNew(View.of(t.html("order.paid", publicOrderId)).row(View.Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))
                .row(MainMenu.back(t)));
    }

    /** Text in one of the buyers' steps: support gets it, a flow in progress is shown again, else the menu. */
    public void received(Interaction ix, Message message, Conversation c) {
        switch (c.step()) {
            case SUPPORT -> support.received(ix, message);
            case PAYING -> orders.check(ix, new OrderId(c.id()));
            case EXTENDING -> extend.tariffs(ix, new KeyId(c.id()));
            case BUYING -> buy.tariffs(ix);
            case TIME_ZONE -> timeZone.search(ix, message.hasText() ? message.getText() : "");
            case PROMO_CODE -> codes.received(ix, message.hasText() ? message.getText() : "", new OrderId(c.id()));
            case BALANCE_TOP_UP -> balance().typed(ix, message.hasText() ? message.getText() : "");
            default -> pleaseUseButtons(ix);
        }
    }

    /** The balance screen; a bot assembled without it refuses its buttons as unknown. */
    private BalanceScreen balance() {
        if (balance == null) throw new dev.vpnbot.application.port.in.Refusal(dev.vpnbot.application.port.in.Refusal.Reason.INVALID_INPUT,
                "the balance is not part of this bot");
        return balance;
    }

    /** Text nobody waits for: a fresh menu under "please use the buttons". */
    public void pleaseUseButtons(Interaction ix) {
        menu.sendNew(ix, "menu.buttons_please");
    }

    /** See {@link SupportDesk#isFromSupportSide}. */
    public boolean isFromSupportSide(Message message) {
        return support.isFromSupportSide(message);
    }

    /** Delivers a support member's reply to the ticket's author. */
    public void relayReply(Message message) {
        support.relayReply(message);
    }
}
