package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeleketSettingsTest {

    @Test
    void production_defaults_point_at_heleket_and_put_the_webhook_under_the_public_url() {
        HeleketSettings s = HeleketSettings.of("merchant-uuid", "secret-key", "https://bot.example.com/", "https://t.me/my_vpn_bot");
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://api.heleket.com"));
        assertThat(s.apiRoot()).isEqualTo("https://api.heleket.com/");
        assertThat(s.callbackUrl()).isEqualTo("https://bot.example.com/webhooks/heleket");
        assertThat(s.returnUrl()).isEqualTo("https://t.me/my_vpn_bot");
        assertThat(s.webhookSenders()).containsExactly(IpRange.parse("31.133.220.8"));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void the_api_key_never_shows_in_the_text_form() {
        HeleketSettings s = HeleketSettings.of("merchant-uuid", "secret-key-123", "https://bot.example.com", null);
        assertThat(s.toString()).doesNotContain("secret-key-123").contains("apiKey=***").contains("merchant-uuid");
    }

    @Test
    void bad_settings_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> HeleketSettings.of("", "k", "https://bot.example.com", null)).hasMessageContaining("merchant id is required");
        assertThatThrownBy(() -> HeleketSettings.of("m", " ", "https://bot.example.com", null)).hasMessageContaining("API key is required");
        assertThatThrownBy(() -> HeleketSettings.of("m", "k", "bot.example.com", null)).hasMessageContaining("callback URL");
        assertThatThrownBy(() -> HeleketSettings.of("m", "k", "https://bot.example.com", "tg://resolve?domain=bot"))
                .hasMessageContaining("return URL");
        HeleketSettings ok = HeleketSettings.of("m", "k", "https://bot.example.com", null);
        assertThatThrownBy(() -> ok.withBaseUrl(URI.create("ftp://api.heleket.com"))).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> ok.withRequestTimeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> ok.withReturnUrl("https://t.me/" + "x".repeat(250))).hasMessageContaining("6-255");
    }

    @Test
    void a_blank_return_url_means_none() {
        assertThat(HeleketSettings.of("m", "k", "https://bot.example.com", "  ").returnUrl()).isNull();
        assertThat(HeleketSettings.of("m", "k", "https://bot.example.com", null).withWebhookSenders(List.of()).webhookSenders()).isEmpty();
    }
}
