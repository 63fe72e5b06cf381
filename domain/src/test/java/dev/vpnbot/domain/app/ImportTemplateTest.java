package dev.vpnbot.domain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The scheme allowlist of /connect, as data: what an import template may be. */
class ImportTemplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"happ://add/{url}", "v2rayng://install-config?url={url_encoded}", "sing-box://import-remote-profile?url={url_encoded}",
            "clash.meta://install-config?url={url_encoded}"})
    void an_apps_own_scheme_with_the_link_after_its_path_is_allowed(String pattern) {
        assertThat(ImportTemplate.problem(pattern)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "javascript:alert(document.cookie)//{url}|FORBIDDEN_SCHEME",
            "JavaScript://x/{url}|FORBIDDEN_SCHEME",
            "data:text/html;base64,PHNjcmlwdD4={url}|FORBIDDEN_SCHEME",
            "file:///etc/passwd?{url}|FORBIDDEN_SCHEME",
            "https://evil.example/?next={url_encoded}|FORBIDDEN_SCHEME",
            "http://evil.example/{url}|FORBIDDEN_SCHEME",
            "intent://import/{url}#Intent;scheme=happ;end|FORBIDDEN_SCHEME",
            "{url}|NO_SCHEME",
            "{url}:x|PLACEHOLDER_IN_SCHEME",
            "happ:{url}|PLACEHOLDER_IN_SCHEME",
            "happ://{url}|PLACEHOLDER_IN_SCHEME",
            "happ://add/|NO_PLACEHOLDER",
            "happ://add/{url}/{url}|TWO_PLACEHOLDERS",
            "happ://add/{uri}|NO_PLACEHOLDER",
            "//add/{url}|NO_SCHEME",
            "Happ://add/{url}|NO_SCHEME",
            "happ://add/\"{url}|BAD_CHARACTERS",
            "happ://add/ {url}|BAD_CHARACTERS"})
    void anything_else_is_refused_with_its_reason(String pattern, ImportTemplate.Problem problem) {
        assertThat(ImportTemplate.problem(pattern)).isEqualTo(Optional.of(problem));
        assertThatThrownBy(() -> new ImportTemplate(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_forbidden_scheme_is_named_in_the_refusal() {
        assertThatThrownBy(() -> new ImportTemplate("javascript:alert(1)//{url}")).hasMessageContaining("'javascript:' is not allowed");
    }

    @Test
    void the_link_is_put_in_as_is_or_encoded_and_stays_printable_ascii() {
        assertThat(new ImportTemplate("happ://add/{url}").render("https://vpn.example/sub/AbC")).isEqualTo("happ://add/https://vpn.example/sub/AbC");
        assertThat(new ImportTemplate("v2rayng://install-config?url={url_encoded}").render("https://vpn.example/sub/a?b=c"))
                .isEqualTo("v2rayng://install-config?url=https%3A%2F%2Fvpn.example%2Fsub%2Fa%3Fb%3Dc");
        assertThat(new ImportTemplate("happ://add/{url}").render("vless://id@host:443#Рига")).isEqualTo("happ://add/vless://id@host:443#%D0%A0%D0%B8%D0%B3%D0%B0");
    }

    @Test
    void a_store_link_is_https_with_a_host() {
        assertThat(VpnApp.isStoreLink("https://apps.apple.com/app/id1")).isTrue();
        assertThat(VpnApp.isStoreLink("http://apps.apple.com/app/id1")).isFalse();
        assertThat(VpnApp.isStoreLink("javascript:alert(1)")).isFalse();
        assertThatThrownBy(() -> new VpnApp(AppPlatform.IOS, "x", "X", "https://a.example", null, 1, false, true))
                .hasMessageContaining("switched-off app cannot be the default");
    }
}
