package dev.vpnbot.adapter.telegram.web;

import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.user.Language;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p>Never an open redirect: the target is built from a switched-on app of the app list, whose
 * import template passed the scheme allowlist when an admin saved it ({@code ImportTemplate}:
 * an app's own scheme, never a web page, file, data or script), and a URL from a token we signed
 * ({@link ConnectLinks}); nothing in the request can name another destination. Framework-free: bootstrap's HTTP server lets only GET through
 * and hands over the query of {@code TelegramSettings.CONNECT_PATH}.
 */
public final class ConnectPage {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectPage.class);
    private static final int MAX_QUERY = ConnectLinks.MAX_TOKEN_LENGTH + 256;

    /** What the page answers: a status, the redirect target when there is one, and the HTML body. */
    public record Response(int status, String location, String html) {
        public static final String CONTENT_TYPE = "text/html; charset=utf-8";

        public byte[] body() {
            return html.getBytes(StandardCharsets.UTF_8);
        }

        /** The headers of the answer besides its content type: a redirect that nothing caches, leaks or widens. */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Cache-Control", "no-store");
            headers.put("Referrer-Policy", "no-referrer");
            headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            if (location != null) headers.put("Location", location);
            return headers;
        }
    }

    private final ConnectLinks links;
    private final ListVpnAppsUseCase apps;

    public ConnectPage(ConnectLinks links, ListVpnAppsUseCase apps) {
        this.links = links;
        this.apps = java.util.Objects.requireNonNull(apps, "apps");
    }

    /** The page's answer to a {@code GET} with this query (undecoded; null when there is none). */
    public Response respond(String rawQuery) {
        Map<String, String> query = parse(rawQuery);
        Texts texts = Texts.of(language(query == null ? null : query.get("l")));
        if (query == null) return invalid(texts, 400, "unreadable query");
        Optional<VpnApp> app = apps.importApp(query.getOrDefault("app", ""));
        if (app.isEmpty()) return invalid(texts, 400, "app not on the allowlist");
        ConnectLinks.Opened opened = links.open(query.get("k"));
        if (opened instanceof ConnectLinks.Opened.Expired) {
            LOG.info("/connect refused: the link has expired");
            return new Response(410, null, page(texts, "connect.page.expired", null, null));
        }
        if (!(opened instanceof ConnectLinks.Opened.Valid valid)) return invalid(texts, 403, "token not sealed by us");
        String target = app.get().importLink(valid.importUrl());
        return new Response(302, target, page(texts, "connect.page.open", app.get(), target));
    }

    private Response invalid(Texts texts, int status, String why) {
        LOG.info("/connect refused: {}", why);
        return new Response(status, null, page(texts, "connect.page.invalid", null, null));
    }

    private static String page(Texts t, String key, VpnApp app, String target) {
        String body = app == null
                ? "<p>" + t.html(key) + "</p>"
                : "<p>" + t.html(key, app.name()) + "</p><p><a href=\"" + Html.escape(target) + "\">"
                        + t.html("connect.page.button", app.name()) + "</a></p><p>" + t.html("connect.page.fallback") + "</p>";
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
