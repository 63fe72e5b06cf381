package dev.vpnbot.adapter.telegram.outbox;

import java.util.concurrent.CompletableFuture;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One Bot API call in the outbox: which chat it is for, how to make it (again), what to send
 * instead if Telegram cannot do it, and the future its caller holds.
 */
final class Outgoing {

    /** One Bot API call, built afresh on every attempt (a retried photo must re-read its bytes). */
    @FunctionalInterface
    interface Call {
        Object execute(TelegramClient client) throws TelegramApiException;
    }

    private final long chatId;
    private final boolean countsForChat;
    private final String what;
    private final Call call;
    private final Outgoing fallback;
    private final CompletableFuture<Object> result;
    private int attempts;

    private Outgoing(long chatId, boolean countsForChat, String what, Call call, Outgoing fallback, CompletableFuture<Object> result) {
        this.chatId = chatId;
        this.countsForChat = countsForChat;
        this.what = what;
        this.call = call;
        this.fallback = fallback;
        this.result = result;
    }

    /**
     * @param countsForChat whether Telegram counts it as a message to the chat
     * @param what          the Bot API method, for the logs
     * @param fallback      what to send instead when Telegram answers 400 (a new message for an edit), or null
     */
    static Outgoing of(long chatId, boolean countsForChat, String what, Call call, Call fallback) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Outgoing instead = fallback == null ? null : new Outgoing(chatId, countsForChat, what + "(as new message)", fallback, null, result);
        return new Outgoing(chatId, countsForChat, what, call, instead, result);
    }

    long chatId() {
        return chatId;
    }

    boolean countsForChat() {
        return countsForChat;
    }

    String what() {
        return what;
    }

    /** Completes with Telegram's answer, or exceptionally once the outbox gives the call up. */
    CompletableFuture<Object> result() {
        return result;
    }

    /** Makes the call once; Telegram's answer completes the caller's future. */
    void attempt(TelegramClient client) throws TelegramApiException {
        result.complete(call.execute(client));
    }

    Outgoing fallback() {
        return fallback;
    }

    int attempts() {
        return attempts;
    }

    /** Counts one more failed try; returns how many there have been. */
    int failedOnce() {
        return ++attempts;
    }
}
