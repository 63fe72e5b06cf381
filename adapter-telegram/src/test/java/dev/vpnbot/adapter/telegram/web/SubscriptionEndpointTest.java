package dev.vpnbot.adapter.telegram.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.SubscriptionSettings;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Location;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.State;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Subscription;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.user.Language;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET /sub/&lt;token&gt;: what apps and browsers get, the same 404 for every wrong token, the per-address limit. */
class SubscriptionEndpointTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-03-31T10:00:00.789Z");
    private static final SubscriptionToken TOKEN = new SubscriptionToken("t".repeat(SubscriptionToken.LENGTH));
    private static final String VLESS_DE = "vless://11111111-2222-3333-4444-555555555555@de.example:443?security=reality#DE";
    private static final String VLESS_NL = "vless://11111111-2222-3333-4444-555555555555@nl.example:443?security=reality#NL";
    private static final Optional<InetAddress> CLIENT = Optional.of(InetAddress.getLoopbackAddress());

    private final MutableClock clock = new MutableClock(NOW);
    private final Map<SubscriptionToken, Subscription> known = new HashMap<>();
    private final List<SubscriptionToken> lookups = new ArrayList<>();
    private final FetchSubscriptionUseCase feed = token -> {
        lookups.add(token);
        return Optional.ofNullable(known.get(token));
    };
    private final TelegramSettings telegram = TelegramSettings.builder(FakeBotApi.TOKEN).publicUrl("https://vpn.example").build();
    private final ConnectLinks links = ConnectPageTest.links(telegram);

    private SubscriptionEndpoint endpoint(SubscriptionSettings settings) {
        return new SubscriptionEndpoint(feed, settings, "https://vpn.example", new SubscriptionPage(links, clock, ConnectPageTest.APPS), clock);
    }

    private SubscriptionEndpoint endpoint() {
        return endpoint(new SubscriptionSettings("Shop", 6, "https://t.me/shop_support", "https://t.me/shop_bot", null, 60));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.replace("base64:", "")), StandardCharsets.UTF_8);
    }

    @Test
    void an_app_gets_the_base64_of_its_links_and_the_headers_apps_read() {
        known.put(TOKEN, new Subscription(new KeyId(7), Language.EN, EXPIRY, State.ACTIVE,
                List.of(new Location("Frankfurt", VLESS_DE), new Location("Amsterdam", VLESS_NL))));

        SubscriptionEndpoint.Response r = endpoint().respond("/sub/" + TOKEN.value(), Optional.of("*/*"), CLIENT);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(decode(new String(r.body(), StandardCharsets.US_ASCII))).isEqualTo(VLESS_DE + "\n" + VLESS_NL);
        assertThat(r.headers()).containsEntry("Subscription-Userinfo", "upload=0; download=0; total=0; expire=" + EXPIRY.getEpochSecond())
                .containsEntry("Profile-Update-Interval", "6")
                .containsEntry("Support-Url", "https://t.me/shop_support")
                .containsEntry("Profile-Web-Page-Url", "https://vpn.example/sub/" + TOKEN.value())
                .doesNotContainKey("Announce");
        assertThat(r.headers().get("Profile-Title")).startsWith("base64:");
        assertThat(decode(r.headers().get("Profile-Title"))).isEqualTo("Shop · Frankfurt, Amsterdam");
    }

    @Test
    void an_expired_key_answers_an_empty_list_and_an_announcement_naming_the_bot_in_the_owners_language() {
        known.put(TOKEN, new Subscription(new KeyId(7), Language.RU, EXPIRY, State.EXPIRED, List.of()));

        SubscriptionEndpoint.Response r = endpoint().respond("/sub/" + TOKEN.value(), Optional.empty(), CLIENT);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(decode(r.headers().get("Announce"))).contains("Продлите").contains("https://t.me/shop_bot");
        assertThat(r.headers().get("Subscription-Userinfo")).endsWith("expire=" + EXPIRY.getEpochSecond());
    }

    @Test
    void without_a_bot_address_the_expired_announcement_still_tells_how_to_renew() {
        known.put(TOKEN, new Subscription(new KeyId(7), Language.EN, EXPIRY, State.EXPIRED, List.of()));
        SubscriptionEndpoint plain = endpoint(SubscriptionSettings.defaults());
        assertThat(decode(plain.respond("/sub/" + TOKEN.value(), Optional.empty(), CLIENT).headers().get("Announce")))
                .isEqualTo("Your key expired on 31 Mar 2026, 10:00 (Z). Renew it in the bot to connect again.")
                .doesNotContain("http");
    }

    @Test
    void unknown_and_malformed_tokens_get_the_same_404_and_malformed_ones_are_never_looked_up() {
        SubscriptionEndpoint endpoint = endpoint();
        SubscriptionEndpoint.Response unknown = endpoint.respond("/sub/" + TOKEN.value(), Optional.empty(), CLIENT);
        assertThat(lookups).hasSize(1);

        for (String path : List.of("/sub/", "/sub/short", "/sub/" + TOKEN.value() + "x", "/sub/" + "t".repeat(42) + "=",
                "/sub/" + TOKEN.value() + "/", "/sub/" + "%".repeat(43), "/sub/" + "x".repeat(10_000))) {
            SubscriptionEndpoint.Response malformed = endpoint.respond(path, Optional.empty(), CLIENT);
            assertThat(malformed.status()).as(path).isEqualTo(404);
            assertThat(malformed.body()).as(path).isEqualTo(unknown.body());
            assertThat(malformed.headers()).as(path).isEqualTo(unknown.headers());
        }
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(lookups).hasSize(1);
    }

    @Test
    void each_address_gets_its_share_per_minute_and_another_address_is_not_affected() throws Exception {
        SubscriptionEndpoint endpoint = endpoint(new SubscriptionSettings("Shop", 6, null, null, null, 3));
        for (int i = 0; i < 3; i++) assertThat(endpoint.respond("/sub/x", Optional.empty(), CLIENT).status()).isEqualTo(404);
        SubscriptionEndpoint.Response limited = endpoint.respond("/sub/x", Optional.empty(), CLIENT);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers()).containsKey("Retry-After");
        Optional<InetAddress> other = Optional.of(InetAddress.getByName("192.0.2.7"));
        assertThat(endpoint.respond("/sub/x", Optional.empty(), other).status()).isEqualTo(404);

        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(endpoint.respond("/sub/x", Optional.empty(), CLIENT).status()).isEqualTo(404);
    }

    @Test
    void a_browser_gets_the_page_and_a_huge_accept_header_is_not_read() {
        known.put(TOKEN, new Subscription(new KeyId(7), Language.EN, EXPIRY, State.ACTIVE, List.of(new Location("Frankfurt", VLESS_DE))));
        SubscriptionEndpoint endpoint = endpoint();

        SubscriptionEndpoint.Response page = endpoint.respond("/sub/" + TOKEN.value(), Optional.of("text/html,application/xhtml+xml"), CLIENT);
        SubscriptionEndpoint.Response huge = endpoint.respond("/sub/" + TOKEN.value(), Optional.of("x".repeat(5000) + "text/html"), CLIENT);

        assertThat(page.contentType()).startsWith("text/html");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Frankfurt").contains("Key #7").contains("<svg");
        assertThat(page.headers().get("Content-Security-Policy")).contains("default-src 'none'");
        // self-contained: no script, no stylesheet or image fetched from anywhere
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("<img").doesNotContain("src=");
        assertThat(huge.contentType()).startsWith("text/plain");
    }
}
