package dev.vpnbot.adapter.telegram.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.application.fixtures.InMemoryVpnApps;
import dev.vpnbot.application.fixtures.InMemoryTransactions;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.AppCatalogue;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.domain.user.Language;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /connect: one-tap import into an allowlisted app, from a link we signed; never an open redirect. */
class ConnectPageTest {
    private static final String SUB = "https://sub.server1.example:2096/sub/k1abc";
    private final TelegramSettings settings = TelegramSettings.builder(FakeBotApi.TOKEN).publicUrl("https://vpn.example").build();
    private final ConnectLinks links = links(settings);
    /** The app list as V18 seeds it. */
    static final AppCatalogue APPS = new AppCatalogue(new Admins(java.util.Set.of()), InMemoryVpnApps.seeded(), new InMemoryTransactions());
    static final VpnApp HAPP = APPS.importApp("happ").orElseThrow();
    static final VpnApp V2RAYN = APPS.appsFor(AppPlatform.WINDOWS).stream().filter(a -> a.code().equals("v2rayn")).findFirst().orElseThrow();
    private final ConnectPage page = new ConnectPage(links(settings), APPS);

    /** The links the bot of these settings signs, as TelegramBot makes them. */
    static ConnectLinks links(TelegramSettings settings) {
        return new ConnectLinks(settings.connectUrl(), settings.connectLinkSecret(), settings.botToken());
    }

    private String query(String app, String importUrl) {
        String link = links.link(HAPP, importUrl, Language.EN).orElseThrow();
        return link.substring(link.indexOf('?') + 1).replace("app=happ", "app=" + app);
    }

    @ParameterizedTest
    @CsvSource({
            "happ,      happ://add/https://sub.server1.example:2096/sub/k1abc",
            "v2raytun,  v2raytun://import/https://sub.server1.example:2096/sub/k1abc",
            "hiddify,   hiddify://import/https://sub.server1.example:2096/sub/k1abc",
            "streisand, streisand://import/https://sub.server1.example:2096/sub/k1abc",
            "v2rayng,   v2rayng://install-config?url=https%3A%2F%2Fsub.server1.example%3A2096%2Fsub%2Fk1abc"})
    void a_signed_link_redirects_into_the_app(String app, String expected) {
        ConnectPage.Response response = page.respond(query(app, SUB));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).isEqualTo(expected);
        assertThat(response.html()).contains("href=\"" + expected.replace("&", "&amp;") + "\"");
    }

    @Test
    void an_app_off_the_allowlist_is_refused() {
        for (String app : new String[] {"evil", "javascript", "https", "v2rayn", "", "HAPP"}) {
            ConnectPage.Response response = page.respond(query(app, SUB));
            assertThat(response.status()).as(app).isEqualTo(400);
            assertThat(response.location()).isNull();
        }
    }

    @Test
    void a_url_we_did_not_sign_is_refused_and_extra_parameters_cannot_choose_the_target() {
        String good = query("happ", SUB);
        String token = good.substring(good.indexOf("k=") + 2);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String oldFormat = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("https://evil.example/".getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlMTIzNDU2";

        assertThat(page.respond("app=happ&k=" + altered).status()).isEqualTo(403);
        assertThat(page.respond("app=happ&k=" + oldFormat).status()).as("the earlier format is refused cleanly").isEqualTo(403);
        assertThat(page.respond("app=happ&k=" + token + "x").status()).isEqualTo(403);
        assertThat(page.respond("app=happ").status()).isEqualTo(403);
        assertThat(page.respond("app=happ&k=%%%").status()).isEqualTo(400);
        assertThat(page.respond(good + "&app=evil").status()).as("a repeated parameter is refused").isEqualTo(400);

        ConnectPage.Response withExtras = page.respond(good + "&url=" + URLEncoder.encode("https://evil.example", StandardCharsets.UTF_8)
                + "&target=javascript:alert(1)");
        assertThat(withExtras.location()).isEqualTo("happ://add/" + SUB);
    }

    @Test
    void a_connect_link_carries_an_opaque_token_not_the_subscription_url() {
        String link = links.link(HAPP, SUB, Language.EN).orElseThrow();
        String token = link.substring(link.indexOf("k=") + 2);
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);

        assertThat(link).doesNotContain("sub.server1").doesNotContain("k1abc");
        assertThat(decoded).doesNotContain("sub.server1").doesNotContain("k1abc");
        assertThat(links.link(HAPP, SUB, Language.EN).orElseThrow()).as("a fresh nonce each time").isNotEqualTo(link);
    }

    @Test
    void a_connect_link_expires_after_its_lifetime_and_the_page_says_so() {
        dev.vpnbot.application.fixtures.MutableClock clock = new dev.vpnbot.application.fixtures.MutableClock(
                java.time.Instant.parse("2026-12-01T10:00:00Z"));
        ConnectLinks timed = new ConnectLinks(settings.connectUrl(), settings.connectLinkSecret(), settings.botToken(), clock);
        ConnectPage timedPage = new ConnectPage(timed, APPS);
        String link = timed.link(HAPP, SUB, Language.EN).orElseThrow();
        String query = link.substring(link.indexOf('?') + 1);

        clock.advance(ConnectLinks.LIFETIME.minusSeconds(1));
        assertThat(timedPage.respond(query).status()).isEqualTo(302);
        clock.advance(java.time.Duration.ofSeconds(1));
        ConnectPage.Response expired = timedPage.respond(query);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.location()).isNull();
        assertThat(expired.html()).contains("This link has expired");
    }

    @Test
    void links_signed_with_another_key_are_refused() {
        ConnectLinks other = links(TelegramSettings.builder("42:another-bot").publicUrl("https://vpn.example").build());
        String link = other.link(HAPP, SUB, Language.RU).orElseThrow();

        assertThat(page.respond(link.substring(link.indexOf('?') + 1)).status()).isEqualTo(403);
    }

    @Test
    void a_vless_link_is_imported_with_unsafe_characters_escaped() {
        String vless = "vless://uuid@host.example:443?type=tcp&security=reality#Мой ключ";

        ConnectPage.Response response = page.respond(query("happ", vless));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).startsWith("happ://add/vless://uuid@host.example:443?type=tcp&security=reality#")
                .doesNotContain(" ").matches("\\p{ASCII}+");
    }

    @Test
    void the_redirect_is_html_that_nothing_caches_and_that_sends_no_referrer() {
        ConnectPage.Response ok = page.respond(query("happ", SUB));

        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.headers()).containsEntry("Location", "happ://add/" + SUB).containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(ConnectPage.Response.CONTENT_TYPE).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(ok.html());
        assertThat(page.respond("app=evil").headers()).doesNotContainKey("Location");
        // served over HTTP, with POST refused by the server: bootstrap's TelegramRoutesTest
    }

    @Test
    void without_a_public_url_there_are_no_import_links() {
        ConnectLinks none = links(TelegramSettings.builder(FakeBotApi.TOKEN).build());
        assertThat(none.link(HAPP, SUB, Language.RU)).isEmpty();
        assertThat(links.link(V2RAYN, SUB, Language.RU)).as("clipboard-only app").isEmpty();
    }
}
