package dev.vpnbot.bootstrap.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a route with a JDK {@link HttpHandler} (what the Telegram adapter offers) through our
 * {@link WebServer}, so that every route still gets its method check, body limit, metrics and
 * draining: the handler sees an exchange made from the already-read {@link WebRequest}, and
 * what it writes becomes the {@link WebReply}.
 */
public final class ExchangeBridge implements WebHandler {
    private final HttpHandler handler;

    public ExchangeBridge(HttpHandler handler) {
        this.handler = handler;
    }

    @Override
    public WebReply handle(WebRequest request) {
        BridgedExchange exchange = new BridgedExchange(request);
        try {
            handler.handle(exchange);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exchange.reply();
    }

    private static final class BridgedExchange extends HttpExchange {
        private final WebRequest request;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final InputStream body;
        private final ByteArrayOutputStream response = new ByteArrayOutputStream();
        private final Map<String, Object> attributes = new HashMap<>();
        private int status = 500;

        BridgedExchange(WebRequest request) {
            this.request = request;
            request.headers().forEach((name, values) -> requestHeaders.put(name, List.copyOf(values)));
            this.body = new ByteArrayInputStream(request.body());
        }

        WebReply reply() {
            Map<String, String> headers = new HashMap<>();
            responseHeaders.forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !values.isEmpty()) headers.put(name, values.get(0));
            });
            return new WebReply(status, responseHeaders.getFirst("Content-Type"), response.toByteArray(), headers);
        }

        @Override public Headers getRequestHeaders() { return requestHeaders; }
        @Override public Headers getResponseHeaders() { return responseHeaders; }
        @Override public URI getRequestURI() {
            return URI.create(request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        }
        @Override public String getRequestMethod() { return request.method(); }
        @Override public HttpContext getHttpContext() { return null; }
        @Override public void close() { }
        @Override public InputStream getRequestBody() { return body; }
        @Override public OutputStream getResponseBody() { return response; }
        @Override public void sendResponseHeaders(int code, long length) { status = code; }
        @Override public InetSocketAddress getRemoteAddress() { return new InetSocketAddress(request.peer(), 0); }
        @Override public int getResponseCode() { return status; }
        @Override public InetSocketAddress getLocalAddress() { return new InetSocketAddress(0); }
        @Override public String getProtocol() { return "HTTP/1.1"; }
        @Override public Object getAttribute(String name) { return attributes.get(name); }
        @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public void setStreams(InputStream i, OutputStream o) { throw new UnsupportedOperationException("not for bridged exchanges"); }
        @Override public HttpPrincipal getPrincipal() { return null; }
    }
}
