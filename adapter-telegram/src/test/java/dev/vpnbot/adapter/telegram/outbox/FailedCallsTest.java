package dev.vpnbot.adapter.telegram.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.outbox.FailedCalls.Verdict;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What each kind of Telegram failure does to the call, its caller's future and its chat's lane. */
class FailedCallsTest {
    private final List<UserId> markedBlocked = new ArrayList<>();
    private final FailedCalls failures = new FailedCalls(markedBlocked::add, 3, "secret-token");

    private static Outgoing message(long chatId) {
        return Outgoing.of(chatId, true, "sendMessage", client -> "sent", null);
    }

    private static TelegramApiRequestException refusal(int code, String description, Integer retryAfter) {
        ResponseParameters parameters = retryAfter == null ? null : new ResponseParameters(null, retryAfter);
        return new TelegramApiRequestException("Error executing", new ApiResponse<>(false, code, description, parameters, null));
    }

    private static Throwable failure(Outgoing item) {
        assertThat(item.result()).isCompletedExceptionally();
        try {
            item.result().get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_429_pauses_every_chat_for_retry_after_and_the_call_goes_again_first() {
        Outgoing item = message(42);

        Verdict verdict = failures.handle(item, refusal(429, "Too Many Requests: retry after 3", 3));

        assertThat(verdict).isEqualTo(new Verdict(Duration.ofSeconds(3), item, Duration.ZERO, false));
        assertThat(item.result()).isNotDone();
    }

    @Test
    void a_429_without_retry_after_pauses_for_one_second() {
        assertThat(failures.handle(message(42), refusal(429, "Too Many Requests", null)).pauseAll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(failures.handle(message(42), refusal(429, "Too Many Requests", 0)).pauseAll()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_403_blocked_by_the_user_marks_the_user_blocked_and_drops_the_chat() {
        Outgoing item = message(5001);
        TelegramApiRequestException blocked = refusal(403, "Forbidden: bot was blocked by the user", null);

        Verdict verdict = failures.handle(item, blocked);

        assertThat(verdict.chatGone()).isTrue();
        assertThat(verdict.retry()).isNull();
        assertThat(markedBlocked).containsExactly(new UserId(5001));
        assertThat(failure(item)).isInstanceOf(ChatBlocked.class).hasCause(blocked);
    }

    @Test
    void a_deactivated_user_counts_as_blocked_but_a_group_has_no_user_to_mark() {
        assertThat(failures.handle(message(5002), refusal(403, "Forbidden: user is deactivated", null)).chatGone()).isTrue();
        assertThat(failures.handle(message(-100), refusal(403, "Forbidden: bot was blocked by the user", null)).chatGone()).isTrue();

        assertThat(markedBlocked).containsExactly(new UserId(5002));
    }

    @Test
    void a_user_who_cannot_be_marked_blocked_still_loses_the_chat() {
        FailedCalls failing = new FailedCalls(user -> { throw new IllegalStateException("database down"); }, 3, null);
        Outgoing item = message(5003);

        assertThat(failing.handle(item, refusal(403, "Forbidden: bot was blocked by the user", null)).chatGone()).isTrue();
        assertThat(failure(item)).isInstanceOf(ChatBlocked.class);
    }

    @Test
    void another_403_is_a_plain_refusal() {
        Outgoing item = message(-100);
        TelegramApiRequestException kicked = refusal(403, "Forbidden: bot was kicked from the group chat", null);

        assertThat(failures.handle(item, kicked)).isEqualTo(Verdict.SETTLED);
        assertThat(failure(item)).isSameAs(kicked);
        assertThat(markedBlocked).isEmpty();
    }

    @Test
    void message_is_not_modified_counts_as_done() {
        Outgoing item = message(42);

        assertThat(failures.handle(item, refusal(400, "Bad Request: message is not modified", null))).isEqualTo(Verdict.SETTLED);
        assertThat(item.result()).isCompletedWithValue(Boolean.TRUE);
    }

    @Test
    void an_edit_telegram_cannot_make_goes_out_as_a_new_message_for_the_same_caller() throws Exception {
        Outgoing edit = Outgoing.of(42, true, "editMessageText", client -> "edited", client -> "sent as new");

        Verdict verdict = failures.handle(edit, refusal(400, "Bad Request: message to edit not found", null));

        Outgoing instead = verdict.retry();
        assertThat(instead.what()).isEqualTo("editMessageText(as new message)");
        assertThat(instead.chatId()).isEqualTo(42);
        assertThat(verdict.retryIn()).isZero();
        assertThat(verdict.pauseAll()).isNull();
        instead.attempt(null);
        assertThat(edit.result()).isCompletedWithValue("sent as new");
    }

    @Test
    void any_other_refusal_is_given_up_at_once() {
        Outgoing item = message(42);
        TelegramApiRequestException notFound = refusal(400, "Bad Request: chat not found", null);

        assertThat(failures.handle(item, notFound)).isEqualTo(Verdict.SETTLED);
        assertThat(failure(item)).isSameAs(notFound);
    }

    @Test
    void no_answer_is_retried_after_a_growing_backoff_until_the_attempts_are_spent() {
        FailedCalls patient = new FailedCalls(markedBlocked::add, 9, null);
        Outgoing item = message(42);
        List<Duration> backoffs = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            Verdict verdict = patient.handle(item, new TelegramApiException("connect timed out"));
            assertThat(verdict.retry()).isSameAs(item);
            backoffs.add(verdict.retryIn());
        }
        Verdict last = patient.handle(item, new TelegramApiException("connect timed out"));

        assertThat(backoffs).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 32L, 32L);
        assertThat(last).isEqualTo(Verdict.SETTLED);
        assertThat(failure(item)).hasMessageContaining("gave up after 9 attempts");
    }

    @Test
    void a_429_on_the_last_attempt_still_pauses_everybody_but_gives_the_call_up() {
        Outgoing item = message(42);
        failures.handle(item, new TelegramApiException("reset"));
        failures.handle(item, new TelegramApiException("reset"));

        Verdict verdict = failures.handle(item, refusal(429, "Too Many Requests", 5));

        assertThat(verdict).isEqualTo(new Verdict(Duration.ofSeconds(5), null, null, false));
        assertThat(failure(item)).hasMessageContaining("gave up after 3 attempts").hasMessageContaining("429");
    }

    @Test
    void a_call_that_cannot_even_be_built_fails_without_a_retry() {
        Outgoing item = message(42);
        IllegalArgumentException bug = new IllegalArgumentException("no photo");

        assertThat(failures.handle(item, bug)).isEqualTo(Verdict.SETTLED);
        assertThat(failure(item)).isSameAs(bug);
    }
}
