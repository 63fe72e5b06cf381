package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The main menu: the way back from every screen. Returning here ends any flow in progress.
 * Admins see one more button, to the admin panel.
 */
public final class MainMenu {
    private final Conversations conversations;
    private final LongPredicate isAdmin;
    private final Extras extras;

    /** Buttons some users see and others not (the free trial until it is taken, the invitation link when referrals are on). */
    public interface Extras {
        /** Above "Buy". */
        List<Button> above(Interaction ix);

        /** Below "My keys". */
        List<Button> below(Interaction ix);
    }

    private static final Extras NONE = new Extras() {
        @Override
        public List<Button> above(Interaction ix) {
            return List.of();
        }

        @Override
        public List<Button> below(Interaction ix) {
            return List.of();
        }
    };

    /** @param isAdmin whether a Telegram user id belongs to an admin */
    public MainMenu(Conversations conversations, LongPredicate isAdmin) {
        this(conversations, isAdmin, NONE);
    }

    public MainMenu(Conversations conversations, LongPredicate isAdmin, Extras extras) {
        this.conversations = conversations;
        this.isAdmin = isAdmin;
        this.extras = extras;
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
        return view(ix.texts(), ix.user().firstName(), isAdmin.test(ix.userId().telegramId()), extras.above(ix), extras.below(ix));
    }

    static View view(Texts t, String firstName, boolean admin) {
        return view(t, firstName, admin, List.of(), List.of());
    }

    static View view(Texts t, String firstName, boolean admin, List<Button> above, List<Button> below) {
        String name = firstName == null || firstName.isBlank() ? t.label("menu.friend") : firstName;
        View view = View.of(t.html("menu.text", name));
        view.rows(above);
        view.row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY)))
                .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)));
        view.rows(below);
        view.row(Button.callback(t.label("menu.connect"), CallbackData.of(Action.CONNECT)),
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
