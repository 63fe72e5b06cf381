package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.PanelRefused;

/**
 * The admin panel's first screen (the /admin command and the menu's Admin button), and what all
 * admin screens share: the way back here, how a refusal and bad input read. Opening it ends any
 * admin flow in progress.
 */
final class AdminHome {
    private final Conversations conversations;

    AdminHome(Conversations conversations) {
        this.conversations = conversations;
    }

    void show(Interaction ix) {
        conversations.clear(ix.chatId());
        ix.show(view(ix.texts()));
    }

    void sendNew(Interaction ix) {
        conversations.clear(ix.chatId());
        ix.sendNew(view(ix.texts()));
    }

    static View view(Texts t) {
        return View.of(t.html("admin.home"))
                .row(Button.callback(t.label("admin.home.servers"), CallbackData.of(Action.SERVERS)),
                        Button.callback(t.label("admin.home.tariffs"), CallbackData.of(Action.TARIFFS)))
                .row(Button.callback(t.label("admin.home.statistics"), CallbackData.of(Action.STATISTICS)),
                        Button.callback(t.label("admin.home.broadcast"), CallbackData.of(Action.BROADCAST)))
                .row(Button.callback(t.label("admin.home.users"), CallbackData.of(Action.USERS)),
                        Button.callback(t.label("admin.home.codes"), CallbackData.of(Action.PROMO_CODES)))
                .row(Button.callback(t.label("admin.home.auto_renewers"), CallbackData.of(Action.AUTO_RENEWERS)),
                        Button.callback(t.label("admin.home.apps"), CallbackData.of(Action.APPS)))
                .row(Button.callback(t.label("admin.home.groups"), CallbackData.of(Action.SERVER_GROUPS)))
                .row(MainMenu.back(t));
    }

    /** « Admin panel */
    static Button back(Texts t) {
        return Button.callback(t.label("admin.back"), CallbackData.of(Action.ADMIN_HOME));
    }

    static Button cancel(Texts t, String data) {
        return Button.callback(t.label("admin.cancel"), data);
    }

    /**
     * A refusal for an admin: the reason in their language and, for bad input, the detail from the
     * use case; a panel's failure reads as the panel problem it is.
     */
    static String refusal(Texts t, Refusal refusal) {
        if (refusal instanceof PanelRefused panel) return PanelReport.problem(t, panel.problem());
        String text = "⚠️ " + t.html("refusal." + refusal.reason().name());
        String detail = detail(refusal);
        if (refusal.reason() != Refusal.Reason.INVALID_INPUT || detail.isEmpty()) return text;
        return text + "\n" + Html.code(detail);
    }

    static String invalid(Texts t, AdminInput.Invalid invalid) {
        return "⚠️ " + t.html(invalid.key, invalid.args);
    }

    /** A refusal's detail: its message without the reason in front. */
    static String detail(Refusal refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        String prefix = refusal.reason().name() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
