package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.adapter.telegram.admin.BroadcastFlow;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The BroadcastChannel port over Telegram: each text goes through the one rate-limited sender
 * (so a broadcast keeps Telegram's limits together with everything else the bot sends), and the
 * outcome is awaited: sent, blocked (Telegram's 403; the sender has reported the user blocked) or
 * failed. The text goes out as plain text, exactly as the admin wrote it. Never throws.
 */
public final class TelegramBroadcastChannel implements BroadcastChannel {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBroadcastChannel.class);
    /** Long enough for a 429 pause and the sender's retries; a message still queued then counts as failed. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);

    private final NoticeSettings settings;
    private final Outbox sender;
    private final Duration wait;

    /** @param sender the same sender the bot and the notifier use */
    public TelegramBroadcastChannel(NoticeSettings settings, Outbox sender) {
        this(settings, sender, DEFAULT_WAIT);
    }

    /** @param wait how long one delivery may take, from being queued, before it counts as failed */
    public TelegramBroadcastChannel(NoticeSettings settings, Outbox sender, Duration wait) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.wait = Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) throw new IllegalArgumentException("the delivery wait must be positive");
    }

    @Override
    public Delivery deliver(UserId recipient, String text) {
        return start(recipient, text).join();
    }

    /** Queues the message (the sender paces it within its budget); the outcome completes once it is settled or the wait is over. */
    @Override
    public CompletableFuture<Delivery> start(UserId recipient, String text) {
        long chat = recipient.telegramId();
        return settle(recipient, () -> sender.send(chat, SendMessage.builder().chatId(chat).text(text).build()));
    }

    /** The photo (by the file id Telegram gave the admin's upload, the text its caption) or the text, with the URL button if any. */
    @Override
    public CompletableFuture<Delivery> start(UserId recipient, Broadcast broadcast) {
        long chat = recipient.telegramId();
        InlineKeyboardMarkup markup = broadcast.button() == null ? null : new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(broadcast.button().label()).url(broadcast.button().url()).build())));
        if (broadcast.photo() == null) {
            return settle(recipient, () -> sender.send(chat, SendMessage.builder().chatId(chat).text(broadcast.text()).replyMarkup(markup).build()));
        }
        return settle(recipient, () -> sender.sendPhoto(chat, () -> SendPhoto.builder().chatId(chat).photo(new InputFile(broadcast.photo()))
                .caption(broadcast.text()).replyMarkup(markup).build()));
    }

    private CompletableFuture<Delivery> settle(UserId recipient, java.util.function.Supplier<CompletableFuture<Object>> send) {
        CompletableFuture<Object> message;
        try {
            message = send.get();
        } catch (RuntimeException e) {
            message = CompletableFuture.failedFuture(e);
        }
        return message.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                .handle((sent, error) -> error == null ? Delivery.SENT : outcome(recipient, error));
    }

    private Delivery outcome(UserId recipient, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (isBlocked(cause)) return Delivery.BLOCKED;
        if (cause instanceof TimeoutException) {
            LOG.warn("broadcast message to user {} not sent within {} s: counted as failed", recipient, wait.toSeconds());
        } else {
            LOG.info("broadcast message to user {} failed: {}", recipient, cause.getMessage());
        }
        return Delivery.FAILED;
    }

    @Override
    public void reportFinished(Recipient author, Broadcast broadcast) {
        try {
            long chat = author.user().telegramId();
            Texts t = Texts.of(author.language() != null ? author.language() : settings.defaultLanguage());
            View report = BroadcastFlow.report(t, broadcast);
            sender.send(chat, Interaction.message(chat, report));
            LOG.info("broadcast {} done: {} sent, {} blocked, {} failed", broadcast.id(), broadcast.sent(), broadcast.blocked(), broadcast.failed());
        } catch (RuntimeException e) {
            LOG.error("the report of broadcast {} could not be sent", broadcast.id(), e);
        }
    }

    /** Telegram's 403 for this chat, or a message dropped because an earlier one got it. */
    static boolean isBlocked(Throwable error) {
        if (error instanceof dev.vpnbot.adapter.telegram.outbox.ChatBlocked) return true;
        return error instanceof TelegramApiRequestException e && e.getErrorCode() != null && e.getErrorCode() == 403;
    }
}
