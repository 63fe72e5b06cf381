package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.CallbackData.Action;
import dev.vpnbot.adapter.telegram.View.Button;

/** The main menu: the way back from every screen. Returning here ends any flow in progress. */
final class MainMenu {
    private final Conversations conversations;

    MainMenu(Conversations conversations) {
        this.conversations = conversations;
    }

    void show(Interaction ix) {
        conversations.clear(ix.chatId());
        ix.show(view(ix.texts(), ix.user().firstName()));
    }

    /** A fresh menu message (after /start or when a flow ended in a new message). */
    void sendNew(Interaction ix) {
        conversations.clear(ix.chatId());
        ix.sendNew(view(ix.texts(), ix.user().firstName()));
    }

    /** A fresh menu under a short note, e.g. "please use the buttons". */
    void sendNew(Interaction ix, String noteKey) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        ix.sendNew(View.of(t.html(noteKey) + "\n\n" + view(t, ix.user().firstName()).html()).rowsOf(view(t, ix.user().firstName())));
    }

    static View view(Texts t, String firstName) {
        String name = firstName == null || firstName.isBlank() ? t.label("menu.friend") : firstName;
        return View.of(t.html("menu.text", name))
                .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY)))
                .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))
                .row(Button.callback(t.label("menu.connect"), CallbackData.of(Action.CONNECT)),
                        Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                .row(Button.callback(t.label("menu.language"), CallbackData.of(Action.LANGUAGE)));
    }

    static Button back(Texts t) {
        return Button.callback(t.label("button.menu"), CallbackData.of(Action.MENU));
    }
}
