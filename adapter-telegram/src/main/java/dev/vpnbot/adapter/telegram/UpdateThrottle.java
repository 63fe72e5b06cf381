package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.UserThrottle;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.domain.user.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What {@link UpdateDispatcher} does with a user who goes faster than {@link UserThrottle} allows:
 * the update is dropped, and only the first of a burst hears why. Admins are never throttled.
 */
final class UpdateThrottle {
    // logged under the dispatcher's name, as before these lines moved here
    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final TelegramSettings settings;
    private final Outbox sender;
    private final UserThrottle throttle;

    UpdateThrottle(TelegramSettings settings, Outbox sender, UserThrottle throttle) {
        this.settings = settings;
        this.sender = sender;
        this.throttle = throttle;
    }

    /** True when the update of {@code user} is dropped (never an admin's). */
    boolean drops(Update update, long user) {
        return !settings.isAdmin(user) && throttled(update, throttle.check(user, UserThrottle.Kind.ACTION));
    }

    /** True when the update is dropped; the first of a burst hears why (a toast on a button, nothing on a message). */
    private boolean throttled(Update update, UserThrottle.Verdict verdict) {
        if (verdict == UserThrottle.Verdict.ALLOWED) return false;
        long user = UpdateDispatcher.senderOf(update);
        if (verdict == UserThrottle.Verdict.DROPPED_TELL) {
            LOG.warn("user {} sends faster than {} a minute: dropping until the pace drops", user, settings.userActionsPerMinute());
        }
        if (update.hasCallbackQuery()) {
            // every press gets its answer (the button stops spinning); only the first of a burst says why
            AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
                    .callbackQueryId(update.getCallbackQuery().getId());
            if (verdict == UserThrottle.Verdict.DROPPED_TELL) {
                String code = update.getCallbackQuery().getFrom() == null ? null : update.getCallbackQuery().getFrom().getLanguageCode();
                answer.text(Texts.of(code == null ? settings.defaultLanguage() : Language.fromTelegramCode(code)).label("throttle.slow_down"));
            }
            sender.answer(user, answer.build());
        }
        return true;
    }

    /** True when a message to support comes faster than allowed: it is not forwarded, the first of a burst hears why. */
    boolean dropsSupportMessage(Interaction ix) {
        UserThrottle.Verdict verdict = throttle.check(ix.userId().telegramId(), UserThrottle.Kind.SUPPORT_MESSAGE);
        if (verdict == UserThrottle.Verdict.ALLOWED) return false;
        LOG.warn("user {} writes to support faster than allowed: message not forwarded", ix.userId());
        if (verdict == UserThrottle.Verdict.DROPPED_TELL) ix.sendNew(View.of(ix.texts().html("throttle.support")));
        return true;
    }
}
