package dev.vpnbot.adapter.telegram.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.outbox.ChatBlocked;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.out.admin.BroadcastChannel.Delivery;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/** Broadcast messages are under way together (the sender paces them), and each outcome follows its own answer. */
class TelegramBroadcastChannelTest {

    /** An outbox whose messages stay under way until the test settles them. */
    private static final class HeldOutbox implements Outbox {
        final Map<Long, CompletableFuture<Object>> underWay = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<Object> send(long chatId, SendMessage message) {
            return underWay.computeIfAbsent(chatId, c -> new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<Object> sendPhoto(long chatId, Supplier<SendPhoto> photo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Object> editOrSend(long chatId, EditMessageText edit, SendMessage fallback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Object> delete(long chatId, int messageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Object> answer(long chatId, AnswerCallbackQuery answer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Object> sendInvoice(long chatId, SendInvoice invoice) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void messages_are_under_way_together_and_each_outcome_follows_its_own_answer() throws Exception {
        HeldOutbox outbox = new HeldOutbox();
        TelegramBroadcastChannel channel = new TelegramBroadcastChannel(
                TelegramSettings.builder(FakeBotApi.TOKEN).build(), outbox, Duration.ofSeconds(30));
        List<UserId> recipients = List.of(new UserId(1), new UserId(2), new UserId(3), new UserId(4));

        List<CompletableFuture<Delivery>> outcomes = recipients.stream().map(r -> channel.start(r, "news")).toList();

        assertThat(outbox.underWay).as("all four queued while none has been answered").hasSize(4);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isNotDone());
        outbox.underWay.get(4L).complete(true);
        outbox.underWay.get(2L).completeExceptionally(new ChatBlocked(2, null));
        outbox.underWay.get(1L).complete(true);
        outbox.underWay.get(3L).completeExceptionally(new IllegalStateException("gave up"));

        assertThat(outcomes).extracting(CompletableFuture::join).containsExactly(Delivery.SENT, Delivery.BLOCKED, Delivery.FAILED, Delivery.SENT);
    }
}
