package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Platform;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.web.ConnectLinks;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.domain.key.KeyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to connect: the device, then the apps we recommend for it with download links and a
 * one-tap "Add to app" button that goes through our /connect page (Telegram does not allow app
 * schemes in buttons). Import buttons need a key: the one the user came from, or their only key.
 */
final class ConnectGuide {
    private final ShowMyKeysUseCase myKeys;
    private final KeysScreen keys;
    private final ConnectLinks links;
    private final String subscriptionBaseUrl;
    private final ListVpnAppsUseCase apps;

    ConnectGuide(ShowMyKeysUseCase myKeys, KeysScreen keys, ConnectLinks links, String subscriptionBaseUrl, ListVpnAppsUseCase apps) {
        this.apps = java.util.Objects.requireNonNull(apps, "apps");
        this.myKeys = myKeys;
        this.keys = keys;
        this.links = links;
        this.subscriptionBaseUrl = subscriptionBaseUrl;
    }

    /** @param keyId the key to import later, or null when the user came from the main menu */
    void platforms(Interaction ix, KeyId keyId) {
        Texts t = ix.texts();
        if (keyId != null) keys.own(ix, keyId);
        View view = View.of(t.html("connect.platforms"));
        List<Button> pair = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            pair.add(Button.callback(platform.label(), keyId == null
                    ? CallbackData.of(Action.CONNECT_PLATFORM, platform)
                    : CallbackData.of(Action.CONNECT_PLATFORM_FOR_KEY, platform, keyId.value())));
            if (pair.size() == 2) {
                view.row(pair.toArray(Button[]::new));
                pair.clear();
            }
        }
        if (!pair.isEmpty()) view.row(pair.toArray(Button[]::new));
        Button back = keyId == null ? MainMenu.back(t) : Button.callback(t.label("button.back"), CallbackData.of(Action.KEY, keyId.value()));
        ix.show(view.row(back));
    }

    void platform(Interaction ix, Platform platform, KeyId keyId) {
        Texts t = ix.texts();
        Optional<KeyOverview> key = keyId != null ? Optional.of(keys.own(ix, keyId)) : onlyUsableKey(ix);
        Optional<String> importUrl = key.filter(k -> k.key().links() != null).map(k -> KeyCard.importUrl(k, subscriptionBaseUrl));
        List<VpnApp> list = apps.appsFor(platform.apps()); // the default first
        boolean oneTap = importUrl.isPresent() && list.stream().anyMatch(a -> links.link(a, importUrl.get(), t.language()).isPresent());
        String first = list.stream().filter(a -> !oneTap || a.hasOneTapImport()).findFirst().map(VpnApp::name).orElse("");

        StringBuilder text = new StringBuilder(t.html("connect.platform", platform.label())).append("\n\n")
                .append(t.html(platform.stepsKey(oneTap), first));
        if (importUrl.isEmpty()) text.append("\n\n").append(t.html(keyId != null ? "key.status.preparing"
                : links.oneTapImport() ? "connect.which_key" : "connect.which_key_manual"));
        View view = View.of(text.toString());
        for (VpnApp app : list) {
            Button get = Button.url(t.label("connect.download", app.name()), app.storeUrl());
            Optional<String> add = importUrl.flatMap(url -> links.link(app, url, t.language()));
            if (add.isPresent()) view.row(get, Button.url(t.label("connect.add", app.name()), add.get()));
            else view.row(get);
        }
        Button back = Button.callback(t.label("button.back"), keyId == null
                ? CallbackData.of(Action.CONNECT) : CallbackData.of(Action.CONNECT_FOR_KEY, keyId.value()));
        ix.show(view.row(back, MainMenu.back(t)));
    }

    private Optional<KeyOverview> onlyUsableKey(Interaction ix) {
        List<KeyOverview> usable = myKeys.myKeys(ix.userId()).stream().filter(k -> k.key().links() != null).toList();
        return usable.size() == 1 ? Optional.of(usable.get(0)) : Optional.empty();
    }
}
