package dev.vpnbot.adapter.heleket.fake;

import com.sun.net.httpserver.HttpExchange;
import dev.vpnbot.adapter.heleket.HeleketWebhook;
import dev.vpnbot.adapter.heleket.WebhookReply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Test fixture: our webhook on a JDK HTTP server, so that the fake's deliveries travel over
 * HTTP. Only the plain part: the production server's method and size checks and its proxy
 * handling are bootstrap's, tested there; here every peer is the sender.
 */
public final class WebhookReceiver {
    private WebhookReceiver() {}

    /** Reads the whole body, hands it to {@code webhook} and writes its reply as plain text. */
    public static void deliver(HeleketWebhook webhook, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            WebhookReply reply = webhook.handle(body, Optional.of(exchange.getRemoteAddress().getAddress()));
            byte[] text = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), text.length == 0 ? -1 : text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        }
    }
}
