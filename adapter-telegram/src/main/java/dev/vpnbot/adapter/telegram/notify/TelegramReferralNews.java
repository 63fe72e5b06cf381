package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReferralNews;
import dev.vpnbot.domain.user.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a referrer the discount code a friend's first payment earned them, over the rate-limited sender. Never throws. */
public final class TelegramReferralNews implements ReferralNews {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramReferralNews.class);

    private final NoticeSettings settings;
    private final Outbox sender;

    public TelegramReferralNews(NoticeSettings settings, Outbox sender) {
        this.settings = settings;
        this.sender = sender;
    }

    @Override
    public void discountEarned(Recipient referrer, String code, int percent) {
        if (referrer.blocked()) return;
        try {
            Language language = referrer.language() != null ? referrer.language() : settings.defaultLanguage();
            Texts t = Texts.of(language);
            long chat = referrer.user().telegramId();
            sender.send(chat, Interaction.message(chat, View.of(t.html("invite.discount.earned", code, percent))
                    .row(Button.callback(t.label("menu.invite"), CallbackData.of(Action.INVITE)))
                    .row(MainMenu.back(t))));
        } catch (RuntimeException e) {
            LOG.error("referral code news for user {} could not be sent", referrer.user(), e);
        }
    }
}
