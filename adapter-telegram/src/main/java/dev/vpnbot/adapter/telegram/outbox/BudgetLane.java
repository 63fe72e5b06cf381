package dev.vpnbot.adapter.telegram.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * The sender's lane for what the bot sends on its own (notices, reminders, broadcasts): within
 * the overall budget per second, never dropped for being late or many. A button's answer is
 * always an answer, so it takes the sender's own lane.
 */
final class BudgetLane implements Outbox {
    private final RateLimitedSender sender;

    BudgetLane(RateLimitedSender sender) {
        this.sender = sender;
    }

    @Override
    public CompletableFuture<Object> send(long chatId, SendMessage message) {
        return sender.submit(RateLimitedSender.Lane.BUDGET, chatId, true, "sendMessage", c -> c.execute(message), null);
    }

    @Override
    public CompletableFuture<Object> sendPhoto(long chatId, Supplier<SendPhoto> photo) {
        return sender.submit(RateLimitedSender.Lane.BUDGET, chatId, true, "sendPhoto", c -> c.execute(photo.get()), null);
    }

    @Override
    public CompletableFuture<Object> editOrSend(long chatId, EditMessageText edit, SendMessage fallback) {
        return sender.submit(RateLimitedSender.Lane.BUDGET, chatId, true, "editMessageText", c -> c.execute(edit), c -> c.execute(fallback));
    }

    @Override
    public CompletableFuture<Object> delete(long chatId, int messageId) {
        DeleteMessage delete = DeleteMessage.builder().chatId(chatId).messageId(messageId).build();
        return sender.submit(RateLimitedSender.Lane.BUDGET, chatId, false, "deleteMessage", c -> c.execute(delete), null);
    }

    @Override
    public CompletableFuture<Object> answer(long chatId, AnswerCallbackQuery answer) {
        return sender.answer(chatId, answer);
    }

    /** An invoice always answers the buyer's own press: it takes the answers' lane. */
    @Override
    public CompletableFuture<Object> sendInvoice(long chatId, SendInvoice invoice) {
        return sender.sendInvoice(chatId, invoice);
    }

}
