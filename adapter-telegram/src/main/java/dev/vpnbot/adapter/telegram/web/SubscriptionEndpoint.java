package dev.vpnbot.adapter.telegram.web;

import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Location;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.State;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Subscription;
import dev.vpnbot.domain.key.SubscriptionToken;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /sub/<token>}: a key's subscription, from our database alone. VPN apps get
 * {@code text/plain}, the base64 of the key's {@code vless://} links, one per line, and the
 * headers v2rayNG, v2RayTun, Hiddify, Streisand, Happ and sing-box clients read; a browser
 * ({@code Accept: text/html}) gets the {@link SubscriptionPage}.
 *
 * <p>An unknown, replaced or deleted key's token and a text that is no token at all get the
 * very same 404 (the last without a lookup), so nothing can be learnt by trying. Each client
 * address has {@link FeedSettings#requestsPerMinute()}.
 */
public final class SubscriptionEndpoint {
    /** Where bootstrap mounts this endpoint; the token follows. */
    public static final String PATH_PREFIX = "/sub/";
    /** Client addresses counted in one minute before new ones are turned away. */
    private static final int MAX_CLIENTS_PER_MINUTE = 100_000;
    /** An Accept header longer than this is not read (a browser's is a few hundred bytes). */
    private static final int MAX_ACCEPT = 1024;
    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** What the endpoint answers; bootstrap's server copies it onto the wire as it is. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response text(int status, String text, Map<String, String> headers) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), headers);
        }
    }

    private static final Response NOT_FOUND = Response.text(404, "not found\n", Map.of());

    private final FetchSubscriptionUseCase feed;
    private final FeedSettings settings;
    private final String publicUrl;
    private final SubscriptionPage page;
    private final ClientRateLimit limit;

    /** @param publicUrl where this server is reached from outside, null when it is not */
    public SubscriptionEndpoint(FetchSubscriptionUseCase feed, FeedSettings settings, String publicUrl, SubscriptionPage page,
                                Clock clock) {
        this.feed = feed;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.page = page;
        this.limit = new ClientRateLimit(settings.requestsPerMinute(), MAX_CLIENTS_PER_MINUTE, clock);
    }

    /** The subscription URL of a token, when this server has a public address. */
    public static Optional<String> url(String publicUrl, SubscriptionToken token) {
        return publicUrl == null || token == null ? Optional.empty() : Optional.of(publicUrl + PATH_PREFIX + token.value());
    }

    /** Answers a GET of {@code path} (which starts with {@link #PATH_PREFIX}). */
    public Response respond(String path, Optional<String> accept, Optional<InetAddress> client) {
        String address = client.map(InetAddress::getHostAddress).orElse("unknown");
        if (!limit.allow(address)) {
            return Response.text(429, "too many requests\n", Map.of("Retry-After", Long.toString(limit.secondsLeft())));
        }
        if (path == null || !path.startsWith(PATH_PREFIX)) return NOT_FOUND;
        Optional<SubscriptionToken> token = SubscriptionToken.parse(path.substring(PATH_PREFIX.length()));
        if (token.isEmpty()) return NOT_FOUND;
        Optional<Subscription> subscription = feed.fetch(token.get());
        if (subscription.isEmpty()) return NOT_FOUND;
        Texts texts = Texts.of(subscription.get().language());
        String url = url(publicUrl, token.get()).orElse(null);
        if (wantsPage(accept)) {
            return new Response(200, SubscriptionPage.CONTENT_TYPE, page.render(subscription.get(), texts, url),
                    SubscriptionPage.HEADERS);
        }
        return Response.text(200, B64.encodeToString(links(subscription.get()).getBytes(StandardCharsets.UTF_8)),
                headers(subscription.get(), texts, url));
    }

    private static boolean wantsPage(Optional<String> accept) {
        return accept.filter(a -> a.length() <= MAX_ACCEPT).map(a -> a.toLowerCase(Locale.ROOT).contains("text/html")).orElse(false);
    }

    private static String links(Subscription subscription) {
        return subscription.locations().stream().map(Location::vlessUrl).collect(Collectors.joining("\n"));
    }

    private Map<String, String> headers(Subscription s, Texts texts, String url) {
        Map<String, String> headers = new LinkedHashMap<>();
        // we keep no traffic figures (that would need the panels); 0 total means unlimited to the apps
        headers.put("Subscription-Userinfo", "upload=0; download=0; total=0; expire=" + s.expiresAt().getEpochSecond());
        headers.put("Profile-Title", base64(title(s)));
        headers.put("Profile-Update-Interval", Integer.toString(settings.updateIntervalHours()));
        if (settings.supportUrl() != null) headers.put("Support-Url", settings.supportUrl());
        if (url != null) headers.put("Profile-Web-Page-Url", url);
        announcement(s, texts).ifPresent(text -> headers.put("Announce", base64(text)));
        return headers;
    }

    private String title(Subscription s) {
        if (s.locations().isEmpty()) return settings.title();
        return settings.title() + " · " + s.locations().stream().map(Location::name).collect(Collectors.joining(", "));
    }

    /** Rule: an expired key tells how to renew (naming the bot when we know its address); otherwise the operator's line. */
    private Optional<String> announcement(Subscription s, Texts texts) {
        if (s.state() == State.EXPIRED) {
            String date = texts.date(s.expiresAt(), ZoneOffset.UTC);
            return Optional.of(settings.botUrl() == null ? texts.label("sub.announce.expired", date)
                    : texts.label("sub.announce.expired_bot", date, settings.botUrl()));
        }
        if (s.state() == State.DISABLED) return Optional.of(texts.label("sub.announce.disabled"));
        if (s.state() == State.PREPARING) return Optional.of(texts.label("sub.announce.preparing"));
        return Optional.ofNullable(settings.announce());
    }

    /** Apps decode "base64:" values as UTF-8, which a header cannot carry as it is. */
    private static String base64(String text) {
        return "base64:" + B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
