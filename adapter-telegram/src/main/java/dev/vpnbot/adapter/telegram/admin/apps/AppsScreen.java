package dev.vpnbot.adapter.telegram.admin.apps;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Platform;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase.AppDetails;
import dev.vpnbot.domain.app.VpnApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The app list (admins): per platform the apps buyers are offered, each switched on or off,
 * one the default; apps are added and edited by typing their lines. What the rules refuse (a
 * template's scheme, a store link that is not https) is explained and nothing is saved.
 */
public final class AppsScreen {
    private static final Logger LOG = LoggerFactory.getLogger(AppsScreen.class);

    private final ManageAppsUseCase apps;
    private final Conversations conversations;

    public AppsScreen(ManageAppsUseCase apps, Conversations conversations) {
        this.apps = apps;
        this.conversations = conversations;
    }

    public void platforms(Interaction ix) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        View view = View.of(t.html("admin.apps.title") + "\n\n" + t.html("admin.apps.choose_platform"));
        List<Button> pair = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            pair.add(Button.callback(platform.label(), CallbackData.of(Action.APPS_PLATFORM, platform)));
            if (pair.size() == 2) {
                view.row(pair.toArray(Button[]::new));
                pair.clear();
            }
        }
        if (!pair.isEmpty()) view.row(pair.toArray(Button[]::new));
        ix.show(view.row(adminHome(t)));
    }

    public void platform(Interaction ix, Platform platform) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        StringBuilder text = new StringBuilder(t.html("admin.apps.platform", platform.label()));
        View view = View.of("");
        for (VpnApp app : of(ix, platform)) {
            text.append("\n").append(line(t, app));
            view.row(Button.callback(mark(app) + app.name(), CallbackData.of(Action.APP, platform, app.code())));
        }
        view.row(Button.callback(t.label("admin.apps.add"), CallbackData.of(Action.APP_ADD, platform)))
                .row(Button.callback(t.label("button.back"), CallbackData.of(Action.APPS)), adminHome(t));
        ix.show(View.of(text.toString()).rowsOf(view));
    }

    public void app(Interaction ix, Platform platform, String code) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        Optional<VpnApp> found = of(ix, platform).stream().filter(a -> a.code().equals(code)).findFirst();
        if (found.isEmpty()) {
            platform(ix, platform);
            return;
        }
        VpnApp app = found.get();
        View view = View.of(t.html("admin.apps.card", mark(app) + app.name(), app.code(), platform.label(), app.storeUrl(),
                app.template() == null ? t.label("admin.apps.no_template") : app.template().pattern(),
                t.label(app.enabled() ? "admin.apps.on" : "admin.apps.off")));
        view.row(Button.callback(t.label(app.enabled() ? "admin.apps.switch_off" : "admin.apps.switch_on"),
                CallbackData.of(Action.APP_ENABLED, platform, app.code(), !app.enabled())));
        if (app.enabled() && !app.isDefault()) {
            view.row(Button.callback(t.label("admin.apps.make_default"), CallbackData.of(Action.APP_DEFAULT, platform, app.code())));
        }
        view.row(Button.callback(t.label("admin.apps.edit"), CallbackData.of(Action.APP_EDIT, platform, app.code())))
                .row(Button.callback(t.label("button.back"), CallbackData.of(Action.APPS_PLATFORM, platform)), adminHome(t));
        ix.show(view);
    }

    public void setEnabled(Interaction ix, Platform platform, String code, boolean on) {
        VpnApp app = apps.setEnabled(ix.userId(), platform.apps(), code, on);
        LOG.info("admin {} switched app {} on {} {}", ix.userId(), code, platform, on ? "on" : "off");
        ix.toast(ix.texts().label(on ? "admin.apps.switched_on" : "admin.apps.switched_off", app.name()));
        app(ix, platform, code);
    }

    public void makeDefault(Interaction ix, Platform platform, String code) {
        VpnApp app = apps.makeDefault(ix.userId(), platform.apps(), code);
        LOG.info("admin {} made app {} the default on {}", ix.userId(), code, platform);
        ix.toast(ix.texts().label("admin.apps.now_default", app.name()));
        app(ix, platform, code);
    }

    public void askNew(Interaction ix, Platform platform) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_APP, 0, "add:" + platform.name()));
        ix.show(View.of(t.html("admin.apps.ask_new", platform.label()))
                .row(Button.callback(t.label("admin.cancel"), CallbackData.of(Action.APPS_PLATFORM, platform))));
    }

    public void askEdit(Interaction ix, Platform platform, String code) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_APP, 0, "edit:" + platform.name() + ":" + code));
        ix.show(View.of(t.html("admin.apps.ask_edit", code, platform.label()))
                .row(Button.callback(t.label("admin.cancel"), CallbackData.of(Action.APP, platform, code))));
    }

    /** The lines of a new or edited app: checked whole here, then saved by the use case (which checks again). */
    public void received(Interaction ix, Message message, Conversation c) {
        String[] step = c.choice().split(":", 3);
        Platform platform;
        try {
            platform = Platform.valueOf(step[1]);
        } catch (RuntimeException e) {
            platforms(ix); // a state from another version
            return;
        }
        boolean adding = step[0].equals("add");
        Texts t = ix.texts();
        AppLines lines = AppLines.read(message.hasText() ? message.getText() : "", adding ? null : step[2]);
        if (lines.problem() != null) {
            Button cancel = Button.callback(t.label("admin.cancel"), adding
                    ? CallbackData.of(Action.APPS_PLATFORM, platform) : CallbackData.of(Action.APP, platform, step[2]));
            ix.sendNew(View.of("⚠️ " + t.html(lines.problem().key(), lines.problem().args()) + "\n"
                    + t.html("admin.apps.nothing_saved") + "\n\n" + t.html(adding ? "admin.apps.ask_new" : "admin.apps.ask_edit",
                    adding ? platform.label() : step[2], platform.label())).row(cancel));
            return;
        }
        AppDetails details = new AppDetails(platform.apps(), lines.code(), lines.name(), lines.storeUrl(), lines.template());
        VpnApp saved = adding ? apps.add(ix.userId(), details) : apps.edit(ix.userId(), details);
        conversations.clear(ix.chatId());
        LOG.info("admin {} {} app {} on {}", ix.userId(), adding ? "added" : "edited", saved.code(), platform);
        ix.sendNew(View.of(t.html(adding ? "admin.apps.added" : "admin.apps.saved", saved.name()))
                .row(Button.callback(t.label("admin.apps.open", saved.name()), CallbackData.of(Action.APP, platform, saved.code()))));
    }

    private List<VpnApp> of(Interaction ix, Platform platform) {
        return apps.list(ix.userId()).stream().filter(a -> a.platform() == platform.apps()).toList();
    }

    private static String line(Texts t, VpnApp app) {
        return mark(app) + Html.escape(app.name()) + " <code>" + Html.escape(app.code()) + "</code>"
                + (app.hasOneTapImport() ? "" : " · " + t.html("admin.apps.no_template"));
    }

    /** ⭐ the default, ✖ switched off. */
    private static String mark(VpnApp app) {
        return !app.enabled() ? "✖ " : app.isDefault() ? "⭐ " : "";
    }

    private static Button adminHome(Texts t) {
        return Button.callback(t.label("admin.back"), CallbackData.of(Action.ADMIN_HOME));
    }
}
