package dev.vpnbot.adapter.telegram.outbox;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The {@link RateLimitedSender}'s way to the Bot API: the HTTP client with its reachability watch,
 * the calls made at once outside the queue (start-up), and the long poll's line of its own.
 */
final class BotApiLine {
    final TelegramClient client;
    private final OkHttpClient http;
    final BotApiReachability reachability;
    /** Whether {@link #http} is the sender's own (closed here) or shared (closed by its owner). */
    private final boolean ownsClient;
    /** null for a line made around a given client (tests): it has no long-poll line */
    private final OutboxSettings settings;

    private BotApiLine(TelegramClient client, OkHttpClient http, BotApiReachability reachability, boolean ownsClient,
                       OutboxSettings settings) {
        this.client = client;
        this.http = http;
        this.reachability = reachability;
        this.ownsClient = ownsClient;
        this.settings = settings;
    }

    /** Talks to the Bot API named in the settings, on a client of its own; {@code calls} in flight at once. */
    static BotApiLine own(OutboxSettings settings, int calls) {
        return build(new OkHttpClient.Builder(), true, settings, calls);
    }

    /**
     * On the process's shared client (its owner closes it): it shares its connection pool, but has
     * a dispatcher of its own for {@code calls} in flight at once. The library sends every call
     * through the dispatcher, whose default of 5 calls per host held the sender's workers to five
     * answers at a time (about 100 a second), whatever the machine could do.
     */
    static BotApiLine shared(OkHttpClient shared, OutboxSettings settings, int calls) {
        return build(shared.newBuilder(), false, settings, calls);
    }

    private static BotApiLine build(OkHttpClient.Builder builder, boolean ownsClient, OutboxSettings settings, int calls) {
        BotApiReachability reachability = new BotApiReachability(settings.telegramUrl());
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(Math.max(calls, 64));
        dispatcher.setMaxRequestsPerHost(Math.max(calls, 5));
        OkHttpClient http = builder.dispatcher(dispatcher).addInterceptor(reachability).build();
        return new BotApiLine(new OkHttpTelegramClient(http, settings.botToken(), settings.telegramUrl()), http, reachability,
                ownsClient, settings);
    }

    /** Around a given client (tests). */
    static BotApiLine around(TelegramClient client, OkHttpClient http) {
        return new BotApiLine(client, http, new BotApiReachability(TelegramUrl.DEFAULT_URL), true, null);
    }

    <T extends java.io.Serializable> T callNow(BotApiMethod<T> method) throws TelegramApiException {
        return client.execute(method);
    }

    Boolean callNow(SetWebhook webhook) throws TelegramApiException {
        return client.execute(webhook);
    }

    /**
     * A line of its own for the long poll: the same client (and reachability watch), a read timeout
     * longer than the poll, and a dispatcher of its own so that closing it cancels only the poll.
     */
    LongPollLine longPollLine(Duration pollTimeout) {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        OkHttpClient poll = http.newBuilder().dispatcher(dispatcher).readTimeout(pollTimeout.plusSeconds(15)).build();
        if (settings == null) throw new IllegalStateException("this sender was made around a given client and has no settings");
        return new LongPollLine(new OkHttpTelegramClient(poll, settings.botToken(), settings.telegramUrl()), dispatcher);
    }

    /** Lets the dispatcher's threads go (always the line's own), and the connections when the client is ours. */
    void close() {
        if (settings != null || ownsClient) http.dispatcher().executorService().shutdown();
        if (ownsClient) http.connectionPool().evictAll();
    }
}
