package dev.vpnbot.adapter.telegram.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /webhooks/telegram}: Telegram delivers updates here in webhook mode. The
 * {@code X-Telegram-Bot-Api-Secret-Token} header must equal our secret (compared in constant
 * time): missing → 401, wrong → 403, and nothing is parsed. A good update is handed to the
 * dispatcher's queue and answered 200 at once, so Telegram never waits for a screen.
 * Framework-free: bootstrap's HTTP server checks the method and the body size, then hands over
 * the header, the body and the sender at {@code TelegramSettings.WEBHOOK_PATH}.
 */
public final class TelegramWebhookEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookEndpoint.class);
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;
    private final ObjectMapper json;
    private final Consumer<Update> dispatcher;

    /** @param secret null refuses every request (webhook mode not configured) */
    public TelegramWebhookEndpoint(String secret, Consumer<Update> dispatcher) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.dispatcher = dispatcher;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * One delivery; the answer is the HTTP status, sent without a body.
     *
     * @param secretToken the {@link #SECRET_HEADER} header, when there is one
     * @param sender      who sent it, for the log line of a refusal
     */
    public int receive(Optional<String> secretToken, byte[] body, Optional<InetAddress> sender) {
        if (secretToken.isEmpty()) {
            LOG.warn("webhook call without secret token from {}: refused", describe(sender));
            return 401;
        }
        if (secret == null || !MessageDigest.isEqual(secret, secretToken.get().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("webhook call with a wrong secret token from {}: refused", describe(sender));
            return 403;
        }
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

    private static String describe(Optional<InetAddress> sender) {
        return sender.map(InetAddress::getHostAddress).orElse("an unknown address");
    }
}
