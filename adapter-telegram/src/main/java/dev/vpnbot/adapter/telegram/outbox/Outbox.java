package dev.vpnbot.adapter.telegram.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * The one way out to Telegram, as screens and notices see it: every call waits its turn behind
 * the chat's earlier ones and within Telegram's limits. Callers never wait for Telegram and never
 * see its errors; they get a future they may ignore.
 */
public interface Outbox {

    CompletableFuture<Object> send(long chatId, SendMessage message);

    /** The photo is built on every attempt, so its stream is fresh after a retry. */
    CompletableFuture<Object> sendPhoto(long chatId, Supplier<SendPhoto> photo);

    /** Edits in place; when Telegram cannot edit (too old, a photo, gone) the text comes as a new message. */
    CompletableFuture<Object> editOrSend(long chatId, EditMessageText edit, SendMessage fallback);

    /** Deletes a message in the chat (for instance one in which an admin typed a password). */
    CompletableFuture<Object> delete(long chatId, int messageId);

    CompletableFuture<Object> answer(long chatId, AnswerCallbackQuery answer);

    /** A Telegram Stars invoice: a message of the chat like any other. */
    CompletableFuture<Object> sendInvoice(long chatId, SendInvoice invoice);
}
