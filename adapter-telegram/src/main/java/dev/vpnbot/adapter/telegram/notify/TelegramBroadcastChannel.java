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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
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

    /** @param wait how long one delivery may take before it counts as failed (a batch: plus 0.1 s per message) */
    public TelegramBroadcastChannel(NoticeSettings settings, Outbox sender, Duration wait) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.wait = Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) throw new IllegalArgumentException("the delivery wait must be positive");
    }

    @Override
    public Delivery deliver(UserId recipient, String text) {
        return deliverAll(List.of(recipient), text).get(0);
    }

    /** Queues every message at once (the sender paces them within its budget), then waits for each outcome. */
    @Override
    public List<Delivery> deliverAll(List<UserId> recipients, String text) {
        List<CompletableFuture<Object>> underWay = new ArrayList<>(recipients.size());
        for (UserId recipient : recipients) underWay.add(queue(recipient, text));
        // the last of a batch waits its turn behind the others: a tenth of a second each on top of the wait
        long deadline = System.nanoTime() + wait.toNanos() + recipients.size() * 100_000_000L;
        List<Delivery> outcomes = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) outcomes.add(outcome(recipients.get(i), underWay.get(i), deadline));
        return outcomes;
    }

    private CompletableFuture<Object> queue(UserId recipient, String text) {
        long chat = recipient.telegramId();
        try {
            return sender.send(chat, SendMessage.builder().chatId(chat).text(text).build());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @param deadline nanoTime by which the whole batch counts as delivered or failed */
    private Delivery outcome(UserId recipient, CompletableFuture<Object> message, long deadline) {
        try {
            message.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return Delivery.SENT;
        } catch (ExecutionException e) {
            if (isBlocked(e.getCause())) return Delivery.BLOCKED;
            LOG.info("broadcast message to user {} failed: {}", recipient, e.getCause() == null ? "?" : e.getCause().getMessage());
            return Delivery.FAILED;
        } catch (TimeoutException e) {
            LOG.warn("broadcast message to user {} not sent within {} s: counted as failed", recipient, wait.toSeconds());
            return Delivery.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.FAILED;
        } catch (RuntimeException e) {
            LOG.warn("broadcast message to user {} could not be sent: {}", recipient, e.toString());
            return Delivery.FAILED;
        }
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
