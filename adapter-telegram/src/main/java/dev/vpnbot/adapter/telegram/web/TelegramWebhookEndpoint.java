package dev.vpnbot.adapter.telegram.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /webhooks/telegram}: Telegram delivers updates here in webhook mode. The
 * {@code X-Telegram-Bot-Api-Secret-Token} header must equal our secret (compared in constant
 * time): missing → 401, wrong → 403, and nothing is parsed. A good update is handed to the
 * dispatcher's queue and answered 200 at once, so Telegram never waits for a screen.
 * Framework-free: bootstrap mounts it on its JDK HttpServer at {@code TelegramSettings.WEBHOOK_PATH}.
 */
public final class TelegramWebhookEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookEndpoint.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Updates are small; anything bigger is not from Telegram. */
    static final int MAX_BODY = 1 << 20;

    private final byte[] secret;
    private final ObjectMapper json;
    private final Consumer<Update> dispatcher;

    /** @param secret null refuses every request (webhook mode not configured) */
    public TelegramWebhookEndpoint(String secret, Consumer<Update> dispatcher) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.dispatcher = dispatcher;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = accept(exchange);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private int accept(HttpExchange exchange) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return 405;
        }
        String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null) {
            LOG.warn("webhook call without secret token from {}: refused", exchange.getRemoteAddress());
            return 401;
        }
        if (secret == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("webhook call with a wrong secret token from {}: refused", exchange.getRemoteAddress());
            return 403;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) return 413;
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            LOG.warn("webhook body is not an update ({})", e.getClass().getSimpleName());
            return 400;
        }
        dispatcher.accept(update);
        return 200;
    }
}
