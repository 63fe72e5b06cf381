package dev.vpnbot.adapter.telegram.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.VpnApp;
import dev.vpnbot.domain.user.Language;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /connect?app=happ&l=ru&k=<token>}: opens a VPN app with the user's key. Telegram
 * refuses app schemes in buttons, so buttons point here and this page redirects (302) to the
 * app's own link, with a small HTML page as the fallback.
 *
 * <p>Never an open redirect: the target is built from an app in {@link VpnApp} (the scheme
 * allowlist) and a URL from a token we signed ({@link ConnectLinks}); nothing in the request
 * can name another destination. Framework-free: bootstrap mounts it on its JDK HttpServer at
 * {@code TelegramSettings.CONNECT_PATH}.
 */
public final class ConnectPage implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectPage.class);
    private static final int MAX_QUERY = ConnectLinks.MAX_TOKEN_LENGTH + 256;

    /** What the page answers: a status, the redirect target when there is one, and the HTML body. */
    public record Response(int status, String location, String html) {}

    private final ConnectLinks links;

    public ConnectPage(ConnectLinks links) {
        this.links = links;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response = respond(method, exchange.getRequestURI().getRawQuery());
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "text/html; charset=utf-8");
            headers.set("Cache-Control", "no-store");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            if (response.status() == 405) headers.set("Allow", "GET, HEAD");
            if (response.location() != null) headers.set("Location", response.location());
            byte[] body = response.html().getBytes(StandardCharsets.UTF_8);
            if ("HEAD".equalsIgnoreCase(method)) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The page's answer to a request, without the HTTP exchange. */
    public Response respond(String method, String rawQuery) {
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            return new Response(405, null, page(Texts.of(Language.DEFAULT), "connect.page.invalid", null, null));
        }
        Map<String, String> query = parse(rawQuery);
        Texts texts = Texts.of(language(query == null ? null : query.get("l")));
        if (query == null) return invalid(texts, 400, "unreadable query");
        Optional<VpnApp> app = VpnApp.byCode(query.getOrDefault("app", ""));
        if (app.isEmpty()) return invalid(texts, 400, "app not on the allowlist");
        Optional<String> importUrl = links.verify(query.get("k"));
        if (importUrl.isEmpty()) return invalid(texts, 403, "token not signed by us");
        String target = app.get().importLink(importUrl.get());
        return new Response(302, target, page(texts, "connect.page.open", app.get(), target));
    }

    private Response invalid(Texts texts, int status, String why) {
        LOG.info("/connect refused: {}", why);
        return new Response(status, null, page(texts, "connect.page.invalid", null, null));
    }

    private static String page(Texts t, String key, VpnApp app, String target) {
        String body = app == null
                ? "<p>" + t.html(key) + "</p>"
                : "<p>" + t.html(key, app.displayName()) + "</p><p><a href=\"" + Html.escape(target) + "\">"
                        + t.html("connect.page.button", app.displayName()) + "</a></p><p>" + t.html("connect.page.fallback") + "</p>";
        return "<!doctype html><html lang=\"" + t.language().name().toLowerCase(Locale.ROOT) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + t.html("connect.page.title")
                + "</title><style>body{font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em;font-size:1.1em}"
                + "a{display:inline-block;padding:.7em 1.2em;background:#2a7ae2;color:#fff;border-radius:.4em;text-decoration:none}</style>"
                + "</head><body>" + body + "</body></html>";
    }

    /** Parameters by name; null when the query is too long, malformed, or names a parameter twice. */
    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return params;
        if (rawQuery.length() > MAX_QUERY) return null;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.putIfAbsent(name, value) != null) return null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return params;
    }

    private static Language language(String code) {
        try {
            return code == null ? Language.DEFAULT : Language.parse(code);
        } catch (IllegalArgumentException e) {
            return Language.DEFAULT;
        }
    }
}
