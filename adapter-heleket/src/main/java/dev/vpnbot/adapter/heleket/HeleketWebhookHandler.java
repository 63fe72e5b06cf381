package dev.vpnbot.adapter.heleket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Mounts {@link HeleketWebhook} on the JDK's HTTP server: POST only, the sender checked before
 * the body is read, and the body read no further than the size limit.
 */
public final class HeleketWebhookHandler implements HttpHandler {
    private final HeleketWebhook webhook;

    public HeleketWebhookHandler(HeleketWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            InetAddress peer = exchange.getRemoteAddress().getAddress();
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, new WebhookReply(405, "method not allowed"));
                return;
            }
            Optional<WebhookReply> refused = webhook.refuseSender(peer, exchange.getRequestHeaders());
            if (refused.isPresent()) {
                send(exchange, refused.get());
                return;
            }
            long announced = announcedLength(exchange);
            if (announced > webhook.maxBodyBytes()) {
                send(exchange, webhook.tooLarge(peer, announced));
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), webhook.maxBodyBytes() + 1);
            if (body.length > webhook.maxBodyBytes()) {
                send(exchange, webhook.tooLarge(peer, body.length));
                return;
            }
            send(exchange, webhook.handle(body, peer, exchange.getRequestHeaders()));
        }
    }

    private static long announcedLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) return -1;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, WebhookReply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
