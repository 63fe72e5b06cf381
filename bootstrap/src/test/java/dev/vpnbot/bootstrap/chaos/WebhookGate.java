package dev.vpnbot.bootstrap.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The network between Heleket and the bot (the bot's PUBLIC_URL points here): forwards each
 * webhook to the bot's HTTP port, or loses it on the way (Heleket is told it arrived, the bot
 * never sees it) for the orders it was told to, and answers 503 while the bot is down.
 */
final class WebhookGate implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final IntSupplier botPort;
    private final Set<String> losing = ConcurrentHashMap.newKeySet();
    final AtomicInteger lost = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    WebhookGate(IntSupplier botPort) throws IOException {
        this.botPort = botPort;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "webhook-gate");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every webhook about this order is lost from now on. */
    void lose(String publicOrderId) {
        losing.add(publicOrderId);
    }

    /** Posts a body to the bot as Heleket would; the bot's status, or 503 when it is down. */
    int post(String path, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + botPort.getAsInt() + path))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        int status;
        if (losing.stream().anyMatch(id -> text.contains("\"" + id + "\""))) {
            lost.incrementAndGet();
            status = 200; // Heleket believes it delivered
        } else {
            status = post(exchange.getRequestURI().getPath(), body);
            if (status == 200) forwarded.incrementAndGet(); else refused.incrementAndGet();
        }
        byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
