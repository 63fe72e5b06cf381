package dev.vpnbot.adapter.telegram.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Platform;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Location;
import dev.vpnbot.domain.app.VpnApp;
import java.util.List;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.State;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Subscription;
import dev.vpnbot.domain.key.RemainingTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The subscription as a web page, for a browser that opens the link: the key, its locations,
 * expiry and time left, a QR code of the subscription URL, one-tap import buttons (through
 * {@code /connect}, signed like the bot's) and the steps per device. Self-contained: styles
 * inline, the QR code an inline SVG, no script and nothing fetched from elsewhere (the
 * Content-Security-Policy forbids it).
 */
public final class SubscriptionPage {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            "Referrer-Policy", "no-referrer");
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36em;margin:0 auto;padding:1em;"
            + "line-height:1.4}h1{font-size:1.4em}.qr{width:min(80vw,18em);height:auto;display:block;margin:1em auto}"
            + "a.app{display:inline-block;margin:.2em;padding:.6em 1em;background:#2a7ae2;color:#fff;border-radius:.4em;"
            + "text-decoration:none}code{word-break:break-all;font-size:.85em}details{margin:.6em 0}summary{font-weight:bold}"
            + ".expired{color:#b00020}ul{padding-left:1.2em}";

    private final ConnectLinks links;
    private final Clock clock;
    private final ListVpnAppsUseCase apps;

    public SubscriptionPage(ConnectLinks links, Clock clock, ListVpnAppsUseCase apps) {
        this.links = links;
        this.clock = clock;
        this.apps = java.util.Objects.requireNonNull(apps, "apps");
    }

    /** @param url the subscription URL the page describes; null when this server has no public address */
    public byte[] render(Subscription s, Texts t, String url) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(t.html("sub.page.key", s.key().value())).append("</h1>");
        body.append(status(s, t));
        if (!s.locations().isEmpty()) {
            body.append("<p>").append(t.html("sub.page.locations")).append("</p><ul id=\"locations\">");
            for (Location location : s.locations()) body.append("<li>").append(Html.escape(location.name())).append("</li>");
            body.append("</ul>");
        }
        if (url != null) {
            body.append("<p>").append(t.html("sub.page.scan")).append("</p>").append(qrSvg(url))
                    .append("<p><code id=\"url\">").append(Html.escape(url)).append("</code></p>");
        }
        for (Platform platform : Platform.values()) body.append(platformSteps(platform, t, url));
        String html = "<!doctype html><html lang=\"" + t.language().name().toLowerCase(Locale.ROOT) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + t.html("sub.page.title") + "</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private String status(Subscription s, Texts t) {
        String until = t.date(s.expiresAt(), ZoneOffset.UTC);
        if (s.state() == State.EXPIRED) {
            return "<p class=\"expired\" id=\"status\">" + t.html("sub.page.expired", until) + "</p>";
        }
        if (s.state() != State.ACTIVE) {
            return "<p id=\"status\">" + t.html(s.state() == State.DISABLED ? "key.status.disabled" : "key.status.preparing") + "</p>";
        }
        RemainingTime left = new RemainingTime(Duration.between(clock.instant(), s.expiresAt()));
        return "<p id=\"status\">" + t.html("key.valid_until", until, t.remaining(left)).replace("\n", "<br>") + "</p>";
    }

    private String platformSteps(Platform platform, Texts t, String url) {
        StringBuilder section = new StringBuilder("<details class=\"platform\"><summary>").append(Html.escape(platform.label()))
                .append("</summary><p>");
        boolean oneTap = false;
        List<VpnApp> list = apps.appsFor(platform.apps());
        for (VpnApp app : list) {
            Optional<String> add = url == null ? Optional.empty() : links.link(app, url, t.language());
            if (add.isPresent()) {
                oneTap = true;
                section.append("<a class=\"app\" data-app=\"").append(Html.escape(app.code())).append("\" href=\"")
                        .append(Html.escape(add.get())).append("\">").append(t.html("connect.add", app.name()))
                        .append("</a>");
            }
        }
        section.append("</p><ul>");
        for (VpnApp app : list) {
            section.append("<li><a href=\"").append(Html.escape(app.storeUrl())).append("\">")
                    .append(t.html("connect.download", app.name())).append("</a></li>");
        }
        String first = list.isEmpty() ? "" : list.get(0).name();
        section.append("</ul><p>").append(t.html(platform.stepsKey(oneTap), first).replace("\n", "<br>"))
                .append("</p></details>");
        return section.toString();
    }

    /** The QR code as SVG: one square per dark module, so it scales without blur and needs no image file. */
    static String qrSvg(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + text.length() + " characters", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
            }
        }
        return "<svg class=\"qr\" id=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + path + "\"/></svg>";
    }
}
