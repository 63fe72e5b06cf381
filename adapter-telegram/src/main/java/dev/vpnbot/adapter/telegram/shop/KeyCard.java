package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.adapter.telegram.web.SubscriptionEndpoint;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyLocation;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * A key as one message: the QR code with the subscription link (the primary link: it carries every
 * location), the raw vless:// link of each location and the next step in its caption. Used when a key is delivered and when the user asks to see it.
 */
public final class KeyCard {
    /** Telegram's limit on a photo caption. */
    static final int MAX_CAPTION = 1024;
    /** Telegram's limit on a copy-text button. */
    private static final int MAX_COPY = 256;

    private final Outbox sender;
    private final String subscriptionBaseUrl;

    public KeyCard(Outbox sender) {
        this(sender, null);
    }

    /** @param subscriptionBaseUrl this server's public address: keys then show the bot's own subscription link first */
    public KeyCard(Outbox sender, String subscriptionBaseUrl) {
        this.sender = sender;
        this.subscriptionBaseUrl = subscriptionBaseUrl;
    }

    /** What an app should import: the bot's own subscription link when there is one, else the panel's link. */
    static String importUrl(KeyOverview key, String subscriptionBaseUrl) {
        return SubscriptionEndpoint.url(subscriptionBaseUrl, key.subscription()).orElse(key.key().links().importUrl());
    }

    /**
     * @param headlineKey the text above the links, e.g. "key.ready"
     * @return done when Telegram took every message of the card
     */
    public CompletableFuture<?> send(long chatId, Texts t, java.time.ZoneId zone, KeyOverview key, String headlineKey) {
        KeyLinks links = key.key().links();
        String details = t.html(headlineKey, key.serverName()) + "\n"
                + t.html("key.valid_until", t.date(key.key().expiresAt(), zone), t.remaining(key.remaining())) + "\n\n";
        String own = SubscriptionEndpoint.url(subscriptionBaseUrl, key.subscription()).orElse(null);
        String linksHtml = (own != null ? t.htmlRaw("key.subscription_own", Html.code(own)) + "\n\n"
                : links.subscriptionUrl() != null ? t.htmlRaw("key.subscription", Html.code(links.subscriptionUrl())) + "\n\n" : "")
                + vlessLinks(t, key) + "\n\n";
        String next = t.html("key.next_step");
        String caption = details + linksHtml + next;
        View buttons = buttons(t, key);
        // the QR is drawn when the photo goes out, on the sender's thread, not on the caller's (a delivery)
        String importUrl = importUrl(key, subscriptionBaseUrl);
        if (caption.length() <= MAX_CAPTION) {
            return sender.sendPhoto(chatId, () -> photo(chatId, QrCode.png(importUrl), caption, buttons, key));
        } else {
            // too long for a caption: the QR with the short part, then the links as text
            CompletableFuture<Object> qr = sender.sendPhoto(chatId, () -> photo(chatId, QrCode.png(importUrl), details + next, null, key));
            return CompletableFuture.allOf(qr, sender.send(chatId, Interaction.message(chatId, View.of(linksHtml.strip()).rowsOf(buttons))));
        }
    }

    /** The raw link of each location (a key on one location: its one link, as before). */
    private static String vlessLinks(Texts t, KeyOverview key) {
        if (key.locations().size() < 2) return t.htmlRaw("key.vless", Html.code(key.key().links().vlessUrl()));
        StringBuilder html = new StringBuilder(t.html("key.vless_per_location"));
        for (KeyLocation l : key.locations()) {
            html.append('\n').append(t.htmlRaw("key.vless_location", Html.escape(l.name()), Html.code(l.vlessUrl())));
        }
        return html.toString();
    }

    private static View buttons(Texts t, KeyOverview key) {
        String keyId = String.valueOf(key.key().id().value());
        List<View.Button> rows = new ArrayList<>();
        rows.add(View.Button.callback(t.label("key.button.connect"), CallbackData.of(CallbackData.Action.CONNECT_FOR_KEY, keyId)));
        String vless = key.key().links().vlessUrl();
        if (vless.length() <= MAX_COPY) rows.add(View.Button.copy(t.label("key.button.copy"), vless));
        rows.add(View.Button.callback(t.label("key.button.extend"), CallbackData.of(CallbackData.Action.KEY_EXTEND, keyId)));
        rows.add(View.Button.callback(t.label("menu.keys"), CallbackData.of(CallbackData.Action.KEYS)));
        return View.of("").rows(rows);
    }

    private static SendPhoto photo(long chatId, byte[] png, String caption, View buttons, KeyOverview key) {
        return SendPhoto.builder().chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(png), "key-" + key.key().id().value() + ".png"))
                .caption(caption).parseMode(ParseMode.HTML)
                .replyMarkup(buttons == null ? null : buttons.keyboard())
                .build();
    }
}
