package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import java.util.function.LongPredicate;

/**
 * The main menu: the way back from every screen. Returning here ends any flow in progress.
 * Admins see one more button, to the admin panel.
 */
public final class MainMenu {
    private final Conversations conversations;
    private final LongPredicate isAdmin;

    /** @param isAdmin whether a Telegram user id belongs to an admin */
    public MainMenu(Conversations conversations, LongPredicate isAdmin) {
        this.conversations = conversations;
        this.isAdmin = isAdmin;
    }

    public void show(Interaction ix) {
        conversations.clear(ix.chatId());
        ix.show(view(ix));
    }

    /** A fresh menu message (after /start or when a flow ended in a new message). */
    public void sendNew(Interaction ix) {
        conversations.clear(ix.chatId());
        ix.sendNew(view(ix));
    }

    /** A fresh menu under a short note, e.g. "please use the buttons". */
    public void sendNew(Interaction ix, String noteKey) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        View menu = view(ix);
        ix.sendNew(View.of(t.html(noteKey) + "\n\n" + menu.html()).rowsOf(menu));
    }

    private View view(Interaction ix) {
        return view(ix.texts(), ix.user().firstName(), isAdmin.test(ix.userId().telegramId()));
    }

    static View view(Texts t, String firstName, boolean admin) {
        String name = firstName == null || firstName.isBlank() ? t.label("menu.friend") : firstName;
        View view = View.of(t.html("menu.text", name))
                .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY)))
                .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))
                .row(Button.callback(t.label("menu.connect"), CallbackData.of(Action.CONNECT)),
                        Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                .row(Button.callback(t.label("menu.language"), CallbackData.of(Action.LANGUAGE)),
                        Button.callback(t.label("menu.timezone"), CallbackData.of(Action.TIME_ZONE)))
                .row(Button.callback(t.label("menu.balance"), CallbackData.of(Action.BALANCE)));
        if (admin) view.row(Button.callback(t.label("menu.admin"), CallbackData.of(Action.ADMIN_HOME)));
        return view;
    }

    /** « Menu: the way back from every screen, the admin panel's too. */
    public static Button back(Texts t) {
        return Button.callback(t.label("button.menu"), CallbackData.of(Action.MENU));
    }
}
