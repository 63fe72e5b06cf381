package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.in.account.DiagnoseKeyUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase.KeyUsage;
import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import java.util.List;

/**
 * My keys: each key with its server, expiry in the user's zone and the time left, a page of
 * {@link ShowMyKeysUseCase#PAGE_SIZE} at a time (the latest expiry first, "more" for the next);
 * one key's screen with Show key, Extend and How to connect. A key is found among the user's own
 * keys only, so a key id from someone else's button is simply "not found".
 */
final class KeysScreen {
    private final ShowMyKeysUseCase myKeys;
    private final KeyCard card;
    private final ResetLinkUseCase reset;
    private final ShowKeyUsageUseCase usage;
    private final DiagnoseKeyUseCase doctor;
    /** the traffic packs offered on a key with a quota; null: none */
    private ListTariffsUseCase packs;
    /** "Change location" on the screen of an active one-location key */
    private boolean moves;

    /** @param reset the "Reset link" button's use case; null: no button */
    KeysScreen(ShowMyKeysUseCase myKeys, KeyCard card, ResetLinkUseCase reset) {
        this(myKeys, card, reset, null, null);
    }

    /** @param usage the live traffic lines of an active key; null: none */
    KeysScreen(ShowMyKeysUseCase myKeys, KeyCard card, ResetLinkUseCase reset, ShowKeyUsageUseCase usage, DiagnoseKeyUseCase doctor) {
        this.myKeys = myKeys;
        this.card = card;
        this.reset = reset;
        this.usage = usage;
        this.doctor = doctor;
    }

    /** Offers "Change location" on the screen of an active key on one location (docs/MOVES.md). */
    KeysScreen offeringMoves(boolean on) {
        this.moves = on;
        return this;
    }

    /** Sends the user's key card under the given headline as a new message (after a move). */
    void sendCard(Interaction ix, KeyId keyId, String headlineKey) {
        card.send(ix.chatId(), ix.texts(), ix.zone(), own(ix, keyId), headlineKey);
    }

    /** Offers the traffic packs on the screen of a key with a quota. */
    KeysScreen offeringPacks(ListTariffsUseCase catalogue) {
        this.packs = catalogue;
        return this;
    }

    /** @param page from 0; a page past the end shows the first */
    void list(Interaction ix, int page) {
        Texts t = ix.texts();
        ShowMyKeysUseCase.KeysPage shown = myKeys.myKeys(ix.userId(), page);
        if (shown.keys().isEmpty() && page > 0) shown = myKeys.myKeys(ix.userId(), 0); // keys gone meanwhile
        List<KeyOverview> keys = shown.keys();
        if (keys.isEmpty()) {
            ix.show(View.of(t.html("keys.none"))
                    .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY))).row(MainMenu.back(t)));
            return;
        }
        StringBuilder text = new StringBuilder(t.html("keys.title")).append("\n\n");
        View buttons = View.of("");
        int n = shown.page() * ShowMyKeysUseCase.PAGE_SIZE;
        for (KeyOverview key : keys) {
            n++;
            text.append(t.htmlRaw("keys.line", n, Html.escape(key.serverName()), Html.escape(state(ix, key)))).append('\n');
            buttons.row(Button.callback(t.label("keys.button", n, key.serverName(), shortState(t, key)),
                    CallbackData.of(Action.KEY, key.key().id().value())));
        }
        if (shown.more()) buttons.row(Button.callback(t.label("keys.button.more"), CallbackData.of(Action.KEYS_PAGE, shown.page() + 1)));
        ix.show(View.of(text.toString().strip()).rowsOf(buttons)
                .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY))).row(MainMenu.back(t)));
    }

    void key(Interaction ix, KeyId keyId) {
        Texts t = ix.texts();
        KeyOverview key = own(ix, keyId);
        String id = String.valueOf(keyId.value());
        StringBuilder text = new StringBuilder(t.html("key.title", key.serverName())).append("\n\n");
        if (key.key().status() == KeyStatus.PROVISIONING) text.append(t.html("key.status.preparing"));
        else if (key.key().status() == KeyStatus.DISABLED) text.append(t.html("key.status.disabled"));
        else text.append(t.html("key.valid_until", t.date(key.key().expiresAt(), ix.zone()), t.remaining(key.remaining())));
        KeyUsage shownUsage = null;
        if (usage != null && key.key().status() == KeyStatus.ACTIVE) {
            shownUsage = usage.usage(ix.userId(), keyId);
            text.append("\n\n").append(usageLines(ix, shownUsage));
        }
        View view = View.of(text.toString())
                .row(Button.callback(t.label("key.button.show"), CallbackData.of(Action.KEY_SHOW, id)))
                .row(Button.callback(t.label("key.button.extend"), CallbackData.of(Action.KEY_EXTEND, id)));
        packButtons(t, view, key, shownUsage);
        view
                .row(Button.callback(t.label("key.button.connect"), CallbackData.of(Action.CONNECT_FOR_KEY, id)));
        if (reset != null && key.key().status() == KeyStatus.ACTIVE) {
            view.row(Button.callback(t.label("key.button.reset_link"), CallbackData.of(Action.KEY_RESET_LINK, id)));
        }
        if (moves && key.key().status() == KeyStatus.ACTIVE && !key.remaining().isOver() && key.locations().size() <= 1) {
            view.row(Button.callback(t.label("key.button.move"), CallbackData.of(Action.KEY_MOVE, id)));
        }
        if (doctor != null) view.row(Button.callback(t.label("key.button.doctor"), CallbackData.of(Action.KEY_DOCTOR, id)));
        ix.show(view.row(Button.callback(t.label("button.back"), CallbackData.of(Action.KEYS)), MainMenu.back(t)));
    }

    /**
     * "Add N GB for PRICE", one per traffic pack, for a key in its paid time whose panel shows a quota
     * (used up or not); the button is an ordinary renewal with the pack's tariff (the order says no).
     */
    private void packButtons(Texts t, View view, KeyOverview key, KeyUsage shown) {
        if (packs == null || !(shown instanceof KeyUsage.Live live) || !live.usage().hasQuota() || key.remaining().isOver()) return;
        for (ListTariffsUseCase.TrafficPackOffer offer : packs.trafficPacks()) {
            view.row(Button.callback(t.label("key.button.pack", offer.gb(), t.money(offer.tariff().price())),
                    CallbackData.of(Action.EXTEND_TARIFF, key.key().id().value(), offer.tariff().id().value())));
        }
    }

    /** "My VPN doesn't work": the first cause found and the one button that helps with it. */
    void diagnose(Interaction ix, KeyId keyId) {
        if (doctor == null) return;
        Texts t = ix.texts();
        DiagnoseKeyUseCase.Diagnosis d = doctor.diagnose(ix.userId(), keyId)
                .orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId + " of user " + ix.userId()));
        String id = String.valueOf(keyId.value());
        View view = View.of(t.html("doctor." + d.verdict().name().toLowerCase(java.util.Locale.ROOT)));
        switch (d.verdict()) {
            case EXPIRED, TRAFFIC_USED_UP -> view.row(Button.callback(t.label("key.button.extend"), CallbackData.of(Action.KEY_EXTEND, id)));
            case NEVER_CONNECTED -> view.row(Button.callback(t.label("key.button.connect"), CallbackData.of(Action.CONNECT_FOR_KEY, id)))
                    .row(Button.callback(t.label("doctor.button.support"), CallbackData.of(Action.KEY_DOCTOR_SUPPORT, id)));
            default -> view.row(Button.callback(t.label("doctor.button.support"), CallbackData.of(Action.KEY_DOCTOR_SUPPORT, id)));
        }
        ix.show(view.row(Button.callback(t.label("button.back"), CallbackData.of(Action.KEY, id)), MainMenu.back(t)));
    }

    /** Opens a support ticket that carries the key's diagnosis, made again now (it may have changed). */
    void diagnosedSupport(Interaction ix, KeyId keyId, SupportDesk support) {
        if (doctor == null) return;
        DiagnoseKeyUseCase.Diagnosis d = doctor.diagnose(ix.userId(), keyId)
                .orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId + " of user " + ix.userId()));
        support.openAbout(ix, keyId, d.verdict().name());
    }

    /** Traffic (of the quota), the panel's switch and the last time online, or why they are not known. */
    static String usageLines(Interaction ix, KeyUsage shown) {
        Texts t = ix.texts();
        if (shown instanceof KeyUsage.MissingOnPanel) return t.html("key.usage.missing");
        if (!(shown instanceof KeyUsage.Live live)) return t.html("key.usage.unavailable");
        PanelUsage u = live.usage();
        StringBuilder lines = new StringBuilder(u.hasQuota()
                ? t.html("key.usage.traffic_of", amount(t, u.usedBytes()), amount(t, u.totalBytes()))
                : t.html("key.usage.traffic", amount(t, u.usedBytes())));
        if (u.quotaUsedUp()) lines.append('\n').append(t.html("key.usage.used_up"));
        else if (!u.enabled()) lines.append('\n').append(t.html("key.usage.off"));
        if (u.lastOnline() != null) lines.append('\n').append(t.html("key.usage.last_online", t.date(u.lastOnline(), ix.zone())));
        else if (!u.everConnected()) lines.append('\n').append(t.html("key.usage.never_online"));
        return lines.toString();
    }

    /** Bytes as "512 MB" or "1.25 GB" (binary units, as the panel counts them), in the reader's digits. */
    static String amount(Texts t, long bytes) {
        double gib = bytes / (1024.0 * 1024 * 1024);
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(t.language().locale()));
        if (gib >= 1) return t.label("unit.gb", f.format(gib));
        f.applyPattern("#,##0");
        return t.label("unit.mb", f.format(bytes / (1024.0 * 1024)));
    }

    /** A new link for the key: the old one stops at once; the card with the new one follows. */
    void resetLink(Interaction ix, KeyId keyId) {
        if (reset == null) return;
        ResetLinkUseCase.Outcome outcome = reset.reset(new ResetLinkUseCase.ResetLinkCommand(ix.userId(), keyId, false));
        if (outcome instanceof ResetLinkUseCase.Outcome.Reset) {
            card.send(ix.chatId(), ix.texts(), ix.zone(), own(ix, keyId), "key.link_reset");
            ix.finish();
        } else if (outcome instanceof ResetLinkUseCase.Outcome.Pending) {
            ix.alert(ix.texts().label("key.link_reset_pending"));
        } else if (outcome instanceof ResetLinkUseCase.Outcome.NotActive) {
            ix.alert(ix.texts().label("key.link_reset_inactive"));
        } else {
            throw new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId + " of user " + ix.userId());
        }
    }

    /** Sends the key card (QR, links, next step) as a new message; the key screen stays. */
    void show(Interaction ix, KeyId keyId) {
        KeyOverview key = own(ix, keyId);
        if (key.key().links() == null) {
            ix.alert(ix.texts().label("key.status.preparing"));
            return;
        }
        card.send(ix.chatId(), ix.texts(), ix.zone(), key, "key.card");
        ix.finish();
    }

    /** The user's own key, or a refusal as if it did not exist. */
    KeyOverview own(Interaction ix, KeyId keyId) {
        return myKeys.myKey(ix.userId(), keyId)
                .orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId + " of user " + ix.userId()));
    }

    private static String state(Interaction ix, KeyOverview key) {
        Texts t = ix.texts();
        return switch (key.key().status()) {
            case PROVISIONING -> t.label("keys.preparing");
            case DISABLED -> t.label("keys.disabled");
            default -> key.remaining().isOver()
                    ? t.label("keys.expired_on", t.date(key.key().expiresAt(), ix.zone()))
                    : t.label("keys.until", t.date(key.key().expiresAt(), ix.zone()), t.remaining(key.remaining()));
        };
    }

    private static String shortState(Texts t, KeyOverview key) {
        return switch (key.key().status()) {
            case PROVISIONING -> t.label("keys.preparing");
            case DISABLED -> t.label("keys.disabled");
            default -> t.remaining(key.remaining());
        };
    }
}
