package dev.vpnbot.adapter.telegram.outbox;

import java.io.Serializable;
import okhttp3.Dispatcher;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The long poll's own way to the Bot API (see {@link RateLimitedSender#longPollLine}): {@link #close()}
 * cancels the {@code getUpdates} in flight at once, so a stop never waits out a 50-second poll.
 */
public final class LongPollLine implements AutoCloseable {
    private final TelegramClient client;
    private final Dispatcher dispatcher;

    LongPollLine(TelegramClient client, Dispatcher dispatcher) {
        this.client = client;
        this.dispatcher = dispatcher;
    }

    public <T extends Serializable> T call(BotApiMethod<T> method) throws TelegramApiException {
        return client.execute(method);
    }

    @Override
    public void close() {
        dispatcher.cancelAll();
        dispatcher.executorService().shutdown();
    }
}
