package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.out.notify.GiftNews;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.user.Language;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gift messages to their buyers over the rate-limited sender. The link is
 * {@code https://t.me/<bot>?start=gift_<code>}, the bot's name asked of Telegram (getMe) once and
 * kept; while Telegram cannot be asked, the message says to open "My gifts" later. Never throws.
 */
public final class TelegramGiftNews implements GiftNews {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramGiftNews.class);

    private final NoticeSettings settings;
    private final Outbox sender;
    private final Supplier<String> askName;
    private volatile String botName;

    /** @param askName getMe's username; may throw while Telegram is away (asked again next time) */
    public TelegramGiftNews(NoticeSettings settings, Outbox sender, Supplier<String> askName) {
        this.settings = settings;
        this.sender = sender;
        this.askName = askName;
    }

    @Override
    public void giftReady(Recipient buyer, Gift gift) {
        send("giftReady", buyer, t -> link(gift).map(link -> t.html("gift.ready", t.period(gift.days()), link,
                        t.date(gift.validUntil(), zone(buyer))))
                .orElseGet(() -> t.html("gift.ready_no_link", t.period(gift.days()))));
    }

    @Override
    public void giftRedeemed(Recipient buyer, Gift gift) {
        send("giftRedeemed", buyer, t -> t.html("gift.redeemed_news", gift.id(), t.period(gift.days())));
    }

    @Override
    public void giftVoided(Recipient buyer, Gift gift) {
        send("giftVoided", buyer, t -> t.html("gift.voided_news", gift.id()));
    }

    /** The start link, or empty while the bot's name is unknown. */
    Optional<String> link(Gift gift) {
        String name = botName;
        if (name == null) {
            try {
                name = askName.get();
                botName = name;
            } catch (RuntimeException e) {
                LOG.warn("the bot's name could not be asked of Telegram (getMe): {}", e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of("https://t.me/" + name + "?start=gift_" + gift.code());
    }

    private void send(String what, Recipient to, java.util.function.Function<Texts, String> text) {
        try {
            Language language = to.language() != null ? to.language() : settings.defaultLanguage();
            Texts t = Texts.of(language);
            long chat = to.user().telegramId();
            sender.send(chat, Interaction.message(chat, View.of(text.apply(t))
                    .row(Button.callback(t.label("gift.mine_button"), CallbackData.of(Action.GIFTS)))
                    .row(MainMenu.back(t))));
        } catch (RuntimeException e) {
            LOG.error("{} for user {} could not be sent", what, to.user(), e);
        }
    }

    private ZoneId zone(Recipient to) {
        return to.zone() != null ? to.zone() : settings.defaultZone();
    }
}
