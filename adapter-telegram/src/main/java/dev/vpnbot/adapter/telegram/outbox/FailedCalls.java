package dev.vpnbot.adapter.telegram.outbox;

import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What becomes of a call Telegram refused or did not answer. A 429 pauses every chat for its
 * {@code retry_after} and the call goes again; a 403 "blocked by the user" is reported to the
 * {@link BlockedChatListener} and drops everything queued for that chat; "message is not modified" counts as done; an edit
 * Telegram cannot make goes out as a new message; a network failure is retried with growing
 * backoff; anything else is logged and given up. Retries stop after {@link SenderLimits#maxAttempts()} tries.
 *
 * <p>Settles the caller's future itself; the sender then does what the {@link Verdict} says with the lanes.
 */
final class FailedCalls {
    private static final Logger LOG = LoggerFactory.getLogger(FailedCalls.class);

    /**
     * What the lanes do after a failed call.
     *
     * @param pauseAll how long every chat waits (a 429), or null
     * @param retry    the call that goes next in this chat, first in its lane (this one again, or its fallback), or null
     * @param retryIn  how long the retry waits
     * @param chatGone the chat blocked the bot: what it still has queued is dropped
     */
    record Verdict(Duration pauseAll, Outgoing retry, Duration retryIn, boolean chatGone) {
        static final Verdict SETTLED = new Verdict(null, null, null, false);
        static final Verdict CHAT_GONE = new Verdict(null, null, null, true);
    }

    private final BlockedChatListener blocked;
    private final int maxAttempts;
    private final String secretToHide;

    /** @param secretToHide the bot token: it is in the URLs of failed requests and never goes to the log */
    FailedCalls(BlockedChatListener blocked, int maxAttempts, String secretToHide) {
        this.blocked = blocked;
        this.maxAttempts = maxAttempts;
        this.secretToHide = secretToHide;
    }

    /** @param error what the call threw: Telegram's refusal, no answer at all, or a bug in building the call */
    Verdict handle(Outgoing item, Exception error) {
        if (error instanceof TelegramApiRequestException refusal) return refused(item, refusal);
        if (error instanceof TelegramApiException unanswered) {
            long backoff = 1L << Math.min(item.attempts(), 5);
            return again(item, null, Duration.ofSeconds(backoff), hide(String.valueOf(unanswered.getMessage())), true);
        }
        item.result().completeExceptionally(error);
        LOG.warn("{} to chat {} failed: {}", item.what(), item.chatId(), hide(error.toString()));
        return Verdict.SETTLED;
    }

    private Verdict refused(Outgoing item, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? "" : e.getApiResponse();
        String lower = description.toLowerCase(Locale.ROOT);
        if (code == 429) {
            long seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                    ? Math.max(1, e.getParameters().getRetryAfter()) : 1;
            return again(item, Duration.ofSeconds(seconds), Duration.ZERO, "429, retry after " + seconds + " s", false);
        }
        if (code == 403 && (lower.contains("blocked by the user") || lower.contains("user is deactivated"))) {
            LOG.info("chat {} blocked the bot or is gone: {} dropped", item.chatId(), item.what());
            if (item.chatId() > 0) reportBlocked(item.chatId()); // a private chat's id is the user's id
            item.result().completeExceptionally(new ChatBlocked(item.chatId(), e));
            return Verdict.CHAT_GONE;
        }
        if (code == 400 && lower.contains("message is not modified")) {
            item.result().complete(Boolean.TRUE); // the screen already shows this
            return Verdict.SETTLED;
        }
        if (code == 400 && item.fallback() != null) {
            LOG.debug("{} to chat {} not possible ({}), sending a new message", item.what(), item.chatId(), description);
            return new Verdict(null, item.fallback(), Duration.ZERO, false);
        }
        item.result().completeExceptionally(e);
        LOG.warn("Telegram refused {} to chat {}: [{}] {}", item.what(), item.chatId(), code, hide(description));
        return Verdict.SETTLED;
    }

    /** The call goes back to the head of its chat's lane after {@code delay}, unless it has had its tries. */
    /** @param unanswered no answer at all: {@link BotApiReachability} has said so once, so each retry stays out of the log */
    private Verdict again(Outgoing item, Duration pauseAll, Duration delay, String why, boolean unanswered) {
        int attempts = item.failedOnce();
        if (attempts >= maxAttempts) {
            item.result().completeExceptionally(new IllegalStateException(item.what() + " gave up after " + attempts + " attempts: " + why));
            LOG.warn("gave up {} to chat {} after {} attempts: {}", item.what(), item.chatId(), attempts, why);
            return new Verdict(pauseAll, null, null, false);
        }
        if (unanswered) LOG.debug("{} to chat {} will be retried ({})", item.what(), item.chatId(), why);
        else LOG.info("{} to chat {} will be retried ({})", item.what(), item.chatId(), why);
        return new Verdict(pauseAll, item, delay, false);
    }

    private void reportBlocked(long userId) {
        try {
            blocked.blocked(new UserId(userId));
        } catch (RuntimeException e) {
            LOG.warn("could not mark user {} blocked: {}", userId, e.toString());
        }
    }

    private String hide(String text) {
        return secretToHide == null || text == null ? text : text.replace(secretToHide, "***");
    }
}
