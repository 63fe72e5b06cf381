package dev.vpnbot.adapter.heleket;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How we talk to Heleket and who may call our webhook. The API key signs every request and
 * checks every webhook, so it is kept out of {@link #toString()} and out of every log line.
 *
 * @param merchantId            the merchant UUID, sent as the {@code merchant} header
 * @param apiKey                the merchant's <em>payment</em> API key (not the payout key)
 * @param baseUrl               API root, {@code https://api.heleket.com} in production
 * @param callbackUrl           our public webhook URL, sent as {@code url_callback}
 * @param returnUrl             where the payment page sends the buyer back (a t.me link to the bot);
 *                              sent as {@code url_return} and {@code url_success}; null = none
 * @param webhookSenders        addresses a webhook may come from; empty = any (the sign still decides). Who
 *                              the sender is behind our own proxies is the HTTP server's to say
 * @param requestTimeout        limit for each call to Heleket (connect, write, read, and the whole call)
 */
public record HeleketSettings(String merchantId, String apiKey, URI baseUrl, String callbackUrl, String returnUrl,
                              List<IpRange> webhookSenders, Duration requestTimeout) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.heleket.com");
    /** Heleket's documented webhook source (official SDK docs; see docs/PAYMENTS.md). */
    public static final List<IpRange> DEFAULT_WEBHOOK_SENDERS = List.of(IpRange.parse("31.133.220.8"));
    /** Short enough that a webhook which asks payment/info still answers Heleket in time. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(8);

    public HeleketSettings {
        merchantId = required(merchantId, "merchant id");
        apiKey = required(apiKey, "API key");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!isHttp(baseUrl.toString())) throw new IllegalArgumentException("Heleket base URL must be http(s): " + baseUrl);
        // no public URL, no webhooks: payments are then found by payment/info (reconciliation, "Check payment")
        callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : gatewayUrl(callbackUrl.trim(), "callback URL");
        returnUrl = returnUrl == null || returnUrl.isBlank() ? null : gatewayUrl(returnUrl.trim(), "return URL");
        webhookSenders = List.copyOf(Objects.requireNonNull(webhookSenders, "webhookSenders"));
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) throw new IllegalArgumentException("request timeout must be positive");
    }

    /**
     * Production defaults: Heleket's API and its webhook address; the webhook lives at
     * {@code publicUrl + /webhooks/heleket}.
     */
    public static HeleketSettings of(String merchantId, String apiKey, String publicUrl, String returnUrl) {
        return new HeleketSettings(merchantId, apiKey, DEFAULT_BASE_URL, callbackUrlFor(publicUrl), returnUrl,
                DEFAULT_WEBHOOK_SENDERS, DEFAULT_REQUEST_TIMEOUT);
    }

    /** "https://bot.example.com/" → "https://bot.example.com/webhooks/heleket". */
    public static String callbackUrlFor(String publicUrl) {
        String base = required(publicUrl, "public URL");
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + HeleketWebhook.PATH;
    }

    public HeleketSettings withBaseUrl(URI url) {
        return new HeleketSettings(merchantId, apiKey, url, callbackUrl, returnUrl, webhookSenders, requestTimeout);
    }

    public HeleketSettings withWebhookSenders(List<IpRange> senders) {
        return new HeleketSettings(merchantId, apiKey, baseUrl, callbackUrl, returnUrl, senders, requestTimeout);
    }

    public HeleketSettings withRequestTimeout(Duration timeout) {
        return new HeleketSettings(merchantId, apiKey, baseUrl, callbackUrl, returnUrl, webhookSenders, timeout);
    }

    public HeleketSettings withReturnUrl(String url) {
        return new HeleketSettings(merchantId, apiKey, baseUrl, callbackUrl, url, webhookSenders, requestTimeout);
    }

    /** Retrofit wants the base URL to end with a slash. */
    String apiRoot() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    @Override
    public String toString() {
        return "HeleketSettings[merchantId=" + merchantId + ", apiKey=***, baseUrl=" + baseUrl + ", callbackUrl=" + callbackUrl
                + ", returnUrl=" + returnUrl + ", webhookSenders=" + webhookSenders + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("Heleket " + what + " is required");
        return value.trim();
    }

    /** Heleket accepts url_* fields of 6 to 255 characters that are absolute http(s) URLs. */
    private static String gatewayUrl(String url, String what) {
        if (!isHttp(url) || url.length() < 6 || url.length() > 255) {
            throw new IllegalArgumentException("Heleket " + what + " must be an absolute http(s) URL of 6-255 characters: " + url);
        }
        return url;
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
