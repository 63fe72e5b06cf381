package dev.vpnbot.adapter.telegram.shop.gifts;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.gifts.GiftsUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gift codes for buyers (docs/CODES.md, "Gift codes"): the start link {@code gift_<code>} (the
 * gift, then a location for its key), and "My gifts" (what became of each, its link again, taking
 * an expired one back). Buying one is the order screen's business: this screen only says which
 * gifts there are. Every refusal is shown in words; a payload that is not a gift link is left to /start.
 */
public final class GiftScreen {
    private static final Logger LOG = LoggerFactory.getLogger(GiftScreen.class);
    private static final String PREFIX = "gift_";

    private final GiftsUseCase gifts;
    private final ListServersForPurchaseUseCase servers;
    private final MainMenu menu;
    private final Clock clock;

    public GiftScreen(GiftsUseCase gifts, ListServersForPurchaseUseCase servers, MainMenu menu, Clock clock) {
        this.gifts = gifts;
        this.servers = servers;
        this.menu = menu;
        this.clock = clock;
    }

    /** True when the payload was a gift link (answered, found or not); false for anything else. */
    public boolean startLink(Interaction ix, String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) return false;
        String code = payload.substring(PREFIX.length());
        try {
            Gift gift = gifts.open(ix.userId(), code);
            ix.sendNew(picker(ix.texts(), gift));
        } catch (Refusal refusal) {
            refused(ix, refusal, true);
        }
        return true;
    }

    /** The taker chose a location: the gift is theirs, the key on its way (the key message follows). */
    public void take(Interaction ix, String code, ServerId server) {
        Texts t = ix.texts();
        try {
            gifts.redeem(ix.userId(), code, server);
            LOG.info("user {} took a gift on server {}", ix.userId(), server);
            ix.show(View.of(t.html("gift.taken")).row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))
                    .row(MainMenu.back(t)));
        } catch (Refusal refusal) {
            refused(ix, refusal, false);
        }
    }

    /** "My gifts": each gift with what became of it; open ones offer their link again, expired ones to take back. */
    public void mine(Interaction ix) {
        Texts t = ix.texts();
        List<Gift> mine = gifts.mine(ix.userId());
        if (mine.isEmpty()) {
            ix.show(View.of(t.html("gift.none")).row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY)))
                    .row(MainMenu.back(t)));
            return;
        }
        StringBuilder text = new StringBuilder(t.html("gift.mine")).append("\n\n");
        View view = View.of("");
        for (Gift g : mine) {
            String status = g.status() == Gift.Status.ISSUED && g.reclaimableAt(clock.instant()) ? "EXPIRED" : g.status().name();
            text.append(t.html("gift.line." + status, g.id(), t.period(g.days()),
                    g.validUntil() == null ? "" : t.date(g.validUntil(), ix.zone()))).append('\n');
            if (g.openAt(clock.instant())) {
                view.row(Button.callback(t.label("gift.link_button", g.id()), CallbackData.of(Action.GIFT_LINK, g.id())));
            } else if (g.reclaimableAt(clock.instant())) {
                view.row(Button.callback(t.label("gift.reclaim_button", g.id()), CallbackData.of(Action.GIFT_RECLAIM, g.id())));
            }
        }
        ix.show(View.of(text.toString().strip()).rowsOf(view).row(MainMenu.back(t)));
    }

    /** The open gift's link again, as a message of its own (easy to forward). */
    public void link(Interaction ix, long giftId) {
        try {
            gifts.resendLink(ix.userId(), giftId);
            ix.toast(ix.texts().label("gift.link_sent"));
        } catch (Refusal refusal) {
            refused(ix, refusal, false);
        }
    }

    /** The buyer takes an expired gift back: the key is theirs (the key message follows). */
    public void reclaim(Interaction ix, long giftId) {
        Texts t = ix.texts();
        try {
            gifts.reclaim(ix.userId(), giftId);
            ix.show(View.of(t.html("gift.reclaimed")).row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))
                    .row(MainMenu.back(t)));
        } catch (Refusal refusal) {
            refused(ix, refusal, false);
        }
    }

    private View picker(Texts t, Gift gift) {
        List<Server> offered = servers.serversForPurchase();
        if (offered.isEmpty()) return View.of(t.html("refusal.NO_SERVER_AVAILABLE")).row(MainMenu.back(t));
        View view = View.of(t.html("gift.open", t.period(gift.days())));
        for (Server server : offered) {
            view.row(Button.callback(server.name(), CallbackData.of(Action.GIFT_SERVER, gift.code(), server.id().value())));
        }
        return view.row(MainMenu.back(t));
    }

    private void refused(Interaction ix, Refusal refusal, boolean fresh) {
        String name = refusal.reason().name();
        if (!name.startsWith("GIFT_") && !name.startsWith("SERVER_") && !name.startsWith("NO_SERVER")) throw refusal;
        LOG.info("user {}: gift refused: {}", ix.userId(), refusal.getMessage());
        if (fresh) {
            menu.sendNew(ix, "refusal." + name);
        } else {
            Texts t = ix.texts();
            ix.show(View.of("⚠️ " + t.html("refusal." + name)).row(MainMenu.back(t)));
        }
    }
}
