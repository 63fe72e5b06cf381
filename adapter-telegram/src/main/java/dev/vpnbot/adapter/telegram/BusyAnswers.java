package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.domain.user.Language;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What {@link UpdateDispatcher} does with an update its full queue cannot take: a short "busy,
 * try again in a moment" in the user's Telegram language (nothing is read from the database: the
 * bot is overloaded), as the button's pop-up for a press or as one plain reply to a private
 * message, and nothing for anything else. The answer goes the way of every answer to a user's own
 * action, at once within the chat's pace; the update itself is dropped.
 *
 * <p>At most {@link #ANSWERS_PER_SECOND} such answers go out a second; past that the update is
 * dropped without one. A "busy" reply costs the bot about what a real screen's sending does, so
 * unbounded they took the place of real screens exactly when the bot was short of time (at 2,000
 * /start a second offered, one in four updates answered was a "busy" message).
 */
final class BusyAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final TelegramSettings settings;
    private final Outbox sender;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    /** "Busy" answers sent a second at most, for the whole bot. */
    static final int ANSWERS_PER_SECOND = 50;
    private final LongSupplier nanos;
    private long second = Long.MIN_VALUE;
    private int answeredThisSecond;
    private volatile Runnable observer = () -> { };

    /** @param nanos a monotonic clock in nanoseconds (tests stop it) */
    BusyAnswers(TelegramSettings settings, Outbox sender, LongSupplier nanos) {
        this.settings = settings;
        this.sender = sender;
        this.nanos = nanos;
    }

    void observe(Runnable observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Answers the dropped {@code update} of {@code user}; logs at most one line per 10 seconds of overload. */
    void answer(Update update, long user, int capacity) {
        observer.run();
        long total = dropped.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn("overloaded: {} updates waiting or being handled, new ones are answered 'busy' (at most {} a second) and dropped ({} so far)",
                    capacity, ANSWERS_PER_SECOND, total);
        }
        if (update.hasCallbackQuery()) {
            if (!withinAnswerBudget()) return;
            var query = update.getCallbackQuery();
            String code = query.getFrom() == null ? null : query.getFrom().getLanguageCode();
            sender.answer(user, AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(texts(code).label("busy.try_again")).build());
            return;
        }
        Message message = update.hasMessage() ? update.getMessage() : null;
        if (message == null || !message.isUserMessage() || message.getFrom() == null || Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return;
        }
        if (!withinAnswerBudget()) return;
        sender.send(message.getChatId(), SendMessage.builder().chatId(message.getChatId())
                .text(texts(message.getFrom().getLanguageCode()).label("busy.try_again")).build());
    }

    private synchronized boolean withinAnswerBudget() {
        long thisSecond = Math.floorDiv(nanos.getAsLong(), 1_000_000_000L);
        if (thisSecond != second) {
            second = thisSecond;
            answeredThisSecond = 0;
        }
        return answeredThisSecond++ < ANSWERS_PER_SECOND;
    }

    private Texts texts(String telegramCode) {
        return Texts.of(telegramCode == null ? settings.defaultLanguage() : Language.fromTelegramCode(telegramCode));
    }
}
