package dev.vpnbot.adapter.telegram.shop.zone;

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
import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Time zone: the zones offered for the user's language as buttons, and while the screen is open
 * a typed city or offset searches the time zone database. Every date the bot shows afterwards
 * (keys, orders, reminders, admin screens) is written in the chosen zone.
 */
public final class TimeZoneScreen {
    private final ChangeTimeZoneUseCase changeTimeZone;
    private final Conversations conversations;
    private final MainMenu menu;
    private final ZoneId defaultZone;
    private final Clock clock;

    public TimeZoneScreen(ChangeTimeZoneUseCase changeTimeZone, Conversations conversations, MainMenu menu, ZoneId defaultZone, Clock clock) {
        this.changeTimeZone = changeTimeZone;
        this.conversations = conversations;
        this.menu = menu;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    public void show(Interaction ix) {
        Texts t = ix.texts();
        Instant now = clock.instant();
        conversations.set(ix.chatId(), Conversation.timeZone());
        String current = ZoneChoices.label(ix.zone(), t.language(), now);
        View view = View.of(t.html("timezone.text", current, t.time(now, ix.zone())));
        buttons(view, ZoneChoices.offered(t.language()), t, now);
        ix.show(view.row(MainMenu.back(t)));
    }

    /** Text typed while the screen is open: one match is taken, several are offered, none is explained. */
    public void search(Interaction ix, String typed) {
        Texts t = ix.texts();
        Instant now = clock.instant();
        List<ZoneId> found = ZoneChoices.search(typed, t.language(), now);
        if (found.size() == 1) {
            choose(ix, found.get(0).getId());
            return;
        }
        String query = typed == null ? "" : typed.strip();
        View view = found.isEmpty() ? View.of(t.html("timezone.none", query.length() > 40 ? query.substring(0, 40) + "…" : query))
                : View.of(t.html("timezone.found", query));
        buttons(view, found, t, now);
        ix.sendNew(view.row(Button.callback(t.label("timezone.back"), CallbackData.of(Action.TIME_ZONE)), MainMenu.back(t)));
    }

    public void choose(Interaction ix, String zoneId) {
        User changed;
        try {
            changed = changeTimeZone.changeTimeZone(ix.userId(), zoneId);
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.UNKNOWN_TIME_ZONE) throw refusal;
            Texts t = ix.texts();
            ix.sendNew(View.of(t.html("timezone.unknown", zoneId))
                    .row(Button.callback(t.label("timezone.back"), CallbackData.of(Action.TIME_ZONE)), MainMenu.back(t)));
            return;
        }
        conversations.clear(ix.chatId());
        Interaction inNewZone = ix.as(changed, defaultZone);
        Texts t = inNewZone.texts();
        Instant now = clock.instant();
        inNewZone.toast(t.label("timezone.changed_toast"));
        inNewZone.show(View.of(t.html("timezone.changed", ZoneChoices.label(inNewZone.zone(), t.language(), now), t.date(now, inNewZone.zone())))
                .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS))).row(MainMenu.back(t)));
    }

    private static void buttons(View view, List<ZoneId> zones, Texts t, Instant now) {
        List<Button> pair = new ArrayList<>();
        for (ZoneId zone : zones) {
            pair.add(Button.callback(ZoneChoices.label(zone, t.language(), now), CallbackData.of(Action.TIME_ZONE_SET, zone)));
            if (pair.size() == 2) {
                view.row(pair.toArray(Button[]::new));
                pair.clear();
            }
        }
        if (!pair.isEmpty()) view.row(pair.toArray(Button[]::new));
    }
}
