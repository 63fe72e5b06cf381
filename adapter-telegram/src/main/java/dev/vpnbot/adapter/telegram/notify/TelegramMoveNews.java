package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.out.notify.MoveNews;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evacuated key's news to its owner over the rate-limited sender's unprompted lane (docs/MOVES.md):
 * where it lives now, that a subscription updates itself, the new raw link for apps without one, and
 * a button to the key. Never throws.
 */
public final class TelegramMoveNews implements MoveNews {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramMoveNews.class);

    private final NoticeSettings settings;
    private final Outbox sender;

    public TelegramMoveNews(NoticeSettings settings, Outbox sender) {
        this.settings = settings;
        this.sender = sender;
    }

    @Override
    public void keyEvacuated(Recipient to, VpnKey key, String fromName, String toName) {
        try {
            Texts t = Texts.of(to.language() != null ? to.language() : settings.defaultLanguage());
            long chat = to.user().telegramId();
            String link = key.links() == null ? "" : "\n\n" + t.htmlRaw("key.vless", Html.code(key.links().vlessUrl()));
            sender.send(chat, Interaction.message(chat, View.of(t.html("move.evacuated", fromName, toName) + link)
                    .row(Button.callback(t.label("key.button.show"), CallbackData.of(Action.KEY_SHOW, key.id().value())))
                    .row(MainMenu.back(t))));
        } catch (RuntimeException e) {
            LOG.error("the move notice for user {} could not be sent", to.user(), e);
        }
    }
}
