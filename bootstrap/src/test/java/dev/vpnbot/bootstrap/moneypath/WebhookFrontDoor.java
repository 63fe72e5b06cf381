package dev.vpnbot.bootstrap.moneypath;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.heleket.HeleketWebhook;
import dev.vpnbot.adapter.heleket.fake.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test fixture: our public webhook address, as the reverse proxy in front of the bot sees it.
 * It stays at one URL (the one every invoice was given) while bot processes come and go:
 * deliveries go to the running bot's {@link HeleketWebhook}, get 502 while no bot runs,
 * and can be lost on purpose (answered 200 and dropped, as a misrouting proxy would).
 */
final class WebhookFrontDoor implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-front-door");
        t.setDaemon(true);
        return t;
    });
    private volatile HeleketWebhook upstream;
    private volatile boolean losing;

    WebhookFrontDoor() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the webhook front door", e);
        }
        server.createContext(HeleketWebhook.PATH, this::serve);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + HeleketWebhook.PATH;
    }

    void routeTo(HeleketWebhook webhook) {
        upstream = webhook;
    }

    /** No bot behind the proxy any more. */
    void disconnect() {
        upstream = null;
    }

    /** From now on deliveries are acknowledged and never reach the bot. */
    void loseWebhooks(boolean lose) {
        losing = lose;
    }

    private void serve(HttpExchange exchange) throws IOException {
        HeleketWebhook bot = upstream;
        if (!losing && bot != null) {
            WebhookReceiver.deliver(bot, exchange);
            return;
        }
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (losing ? "ok" : "bad gateway").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(losing ? 200 : 502, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
