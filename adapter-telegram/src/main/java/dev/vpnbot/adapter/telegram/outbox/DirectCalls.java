package dev.vpnbot.adapter.telegram.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The library's client, with its JSON methods (every answer, edit and message the sender makes)
 * called on the caller's thread. The library sends each call through OkHttp's dispatcher and waits
 * for it: a second thread, a hand-off both ways and the dispatcher thread renamed per call, while
 * the sender's worker waits anyway. In a profile at 1,200 updates a second those dispatcher threads
 * took about a fifth of the bot's CPU. The request and the errors are the library's own
 * (telegrambots-client 10.2.0, OkHttpTelegramClient.executeAsync and buildUrl, OkHttpFutureCallback,
 * AbstractTelegramClient.mapException): the same URL, headers and body, and a failure to reach the
 * Bot API is a TelegramApiException "Unable to execute X method" around the cause, as before. Media
 * uploads (sendPhoto) still go the library's way.
 */
final class DirectCalls extends OkHttpTelegramClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Headers HEADERS = new Headers.Builder().add("charset", "UTF-8").add("content-type", "application/json").build();

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final HttpUrl bot;
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    DirectCalls(OkHttpClient http, String botToken, TelegramUrl telegramUrl) {
        this(new ObjectMapper(), http, botToken, telegramUrl);
    }

    private DirectCalls(ObjectMapper json, OkHttpClient http, String botToken, TelegramUrl telegramUrl) {
        super(json, http, botToken, telegramUrl);
        this.http = http;
        this.json = json;
        HttpUrl.Builder bot = new HttpUrl.Builder().scheme(telegramUrl.getSchema()).host(telegramUrl.getHost())
                .port(telegramUrl.getPort()).addPathSegment("bot" + botToken);
        if (telegramUrl.isTestServer()) bot.addPathSegment("test");
        this.bot = bot.build();
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> T execute(Method method) throws TelegramApiException {
        if (method == null) throw new TelegramApiException("Parameter method can not be null");
        String name = method.getMethod();
        Request request;
        try {
            method.validate();
            request = new Request.Builder().url(urls.computeIfAbsent(name, n -> bot.newBuilder().addPathSegment(n).build()))
                    .headers(HEADERS).post(RequestBody.create(json.writeValueAsString(method), JSON)).build();
        } catch (TelegramApiException | IOException e) {
            throw unable(name, e);
        }
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (body == null) throw new TelegramApiException("Telegram api returned empty response");
            return method.deserializeResponse(body.string());
        } catch (IOException e) {
            throw unable(name, e);
        }
    }

    private static TelegramApiException unable(String method, Exception cause) {
        return new TelegramApiException("Unable to execute " + method + " method", cause);
    }
}
