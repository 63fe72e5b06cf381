package dev.vpnbot.bootstrap.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one HTTP server (JDK {@code com.sun.net.httpserver}) on {@code HTTP_PORT}: webhooks,
 * the connect page, health and metrics. Requests run on a bounded pool; when it and its queue
 * are full, new connections are closed rather than piling up. Everything a route's handler
 * would otherwise repeat happens here, once: the method check (405), the body limit (413,
 * before the body is read whole) and who the client is behind our proxies.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static {
        // Slow clients must not hold a worker forever (the JDK default is no limit). Read once by the JDK.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) System.setProperty("sun.net.httpserver.maxReqTime", "30");
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) System.setProperty("sun.net.httpserver.maxRspTime", "30");
    }

    /** Pool size and queue: small, because every handler is quick and the machine has few cores. */
    public record Limits(int threads, int queue) {
        public Limits {
            if (threads < 1 || queue < 1) throw new IllegalArgumentException("threads and queue must be positive");
        }

        public static Limits defaults() {
            return new Limits(8, 64);
        }
    }

    private final String bindAddress;
    private final int requestedPort;
    private final Map<Route, WebHandler> handlers;
    private final TrustedProxies proxies;
    private final RequestCounter counter;
    private final Limits limits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private HttpServer server;
    private ThreadPoolExecutor pool;

    /** On the loopback address only. */
    public WebServer(int port, Map<Route, WebHandler> handlers, TrustedProxies proxies, RequestCounter counter, Limits limits) {
        this("127.0.0.1", port, handlers, proxies, counter, limits);
    }

    /** @param bindAddress the IP literal to listen on: "127.0.0.1" (behind nginx on the same machine) or "0.0.0.0" (a container) */
    public WebServer(String bindAddress, int port, Map<Route, WebHandler> handlers, TrustedProxies proxies, RequestCounter counter,
                     Limits limits) {
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.handlers = new EnumMap<>(Route.class);
        this.handlers.putAll(handlers);
        this.proxies = proxies;
        this.counter = counter;
        this.limits = limits;
    }

    public synchronized void start() throws IOException {
        if (server != null) throw new IllegalStateException("already started");
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), r -> {
                    Thread t = new Thread(r, "http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }); // default policy: rejected → the JDK server closes that connection
        pool.allowCoreThreadTimeOut(true);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), requestedPort), 64);
        server.createContext("/", this::serve);
        server.setExecutor(pool);
        server.start();
        LOG.info("HTTP server listening on {} port {} ({})", bindAddress, port(), handlers.keySet().stream()
                .map(r -> r.method() + " " + r.path()).toList());
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public synchronized int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.getAddress().getPort();
    }

    /**
     * Lets running requests finish for up to {@code grace} while new ones get 503, then closes
     * the port. (The JDK's own {@code stop(delay)} waits the whole delay on Java 17 even when idle.)
     */
    public synchronized void stop(Duration grace) {
        if (server == null) return;
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
        draining = false;
        LOG.info("HTTP server stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private void serve(HttpExchange exchange) {
        inFlight.incrementAndGet(); // before looking at draining: stop() then either waits for us or we see it
        String path = exchange.getRequestURI().getPath();
        Route route = Route.forPath(path).filter(handlers::containsKey).orElse(null);
        int status = 500;
        try {
            WebReply reply = draining ? WebReply.text(503, "shutting down\n")
                    : route == null ? WebReply.text(404, "not found\n") : handle(route, exchange);
            status = reply.status();
            send(exchange, reply);
        } catch (IOException e) {
            LOG.debug("client went away on {}: {}", path, e.toString());
        } catch (RuntimeException e) {
            LOG.error("handler for {} failed", path, e);
            try {
                send(exchange, WebReply.text(500, "internal error\n"));
            } catch (IOException | RuntimeException ignored) {
                // the client is gone as well
            }
        } finally {
            exchange.close();
            counter.answered(route == null ? "unknown" : route.label(), status);
            inFlight.decrementAndGet();
        }
    }

    private WebReply handle(Route route, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals(route.method())) {
            return new WebReply(405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", route.method()));
        }
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        InetAddress peer = exchange.getRemoteAddress().getAddress();
        Optional<InetAddress> client = proxies.client(peer, headers.getOrDefault("x-forwarded-for", List.of()));
        Optional<WebReply> refused = handlers.get(route).refuseBeforeBody(client);
        if (refused.isPresent()) return refused.get(); // the body of a sender we refuse is never read
        byte[] body = readBody(exchange, route.maxBodyBytes());
        if (body == null) {
            LOG.warn("{} refused (413): a body over {} bytes from {}", route.path(), route.maxBodyBytes(),
                    client.map(InetAddress::getHostAddress).orElse("an unknown client behind " + peer.getHostAddress()));
            return WebReply.text(413, "request body too large\n");
        }
        WebRequest request = new WebRequest(method, exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                headers, body, peer, client);
        return handlers.get(route).handle(request);
    }

    /** The body, or null when it exceeds {@code max} bytes (checked against Content-Length first, then while reading). */
    private static byte[] readBody(HttpExchange exchange, int max) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > max) return null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(max);
            if (in.read() != -1) return null;
            return body;
        }
    }

    private static void send(HttpExchange exchange, WebReply reply) throws IOException {
        var h = exchange.getResponseHeaders();
        if (reply.contentType() != null) h.set("Content-Type", reply.contentType());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        reply.headers().forEach(h::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
