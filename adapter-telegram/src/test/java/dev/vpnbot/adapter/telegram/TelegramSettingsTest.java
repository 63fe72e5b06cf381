package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {
    private static final String TOKEN = "7000000001:AAH-secret_part_of_the_token";

    @Test
    void the_token_and_secrets_never_show_in_toString_or_errors() {
        TelegramSettings settings = TelegramSettings.builder(TOKEN).webhook("hook_secret-1").publicUrl("https://vpn.example")
                .connectLinkSecret("a-long-connect-link-secret").build();

        assertThat(settings.toString()).doesNotContain("AAH-secret").doesNotContain("hook_secret").doesNotContain("connect-link-secret");
        assertThatThrownBy(() -> TelegramSettings.builder("not a token AAH-secret").build())
                .hasMessageNotContaining("AAH-secret").hasMessageContaining("bot token");
    }

    @Test
    void the_bot_api_url_becomes_the_librarys_telegram_url() {
        assertThat(TelegramSettings.builder(TOKEN).build().telegramUrl()).isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
        assertThat(TelegramSettings.builder(TOKEN).apiBaseUrl("http://10.0.0.5:8081/").build().telegramUrl())
                .isEqualTo(new TelegramUrl("http", "10.0.0.5", 8081, false));
    }

    @Test
    void a_bot_api_url_with_a_path_or_another_scheme_is_refused() {
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).apiBaseUrl("https://relay.example/telegram").build())
                .hasMessageContaining("scheme://host[:port] only");
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).apiBaseUrl("ftp://relay.example").build())
                .hasMessageContaining("http");
    }

    @Test
    void webhook_mode_needs_a_secret_and_an_https_public_url() {
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).webhook(null).publicUrl("https://vpn.example").build())
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).webhook("ok_secret").build()).hasMessageContaining("public URL");
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).webhook("ok_secret").publicUrl("http://vpn.example").build())
                .hasMessageContaining("HTTPS");
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).webhook("bad secret!").publicUrl("https://vpn.example").build())
                .hasMessageContaining("A-Z");

        TelegramSettings ok = TelegramSettings.builder(TOKEN).webhook("ok_secret").publicUrl("https://vpn.example/bot/").build();
        assertThat(ok.webhookUrl()).isEqualTo("https://vpn.example/bot/webhooks/telegram");
        assertThat(ok.connectUrl()).isEqualTo("https://vpn.example/bot/connect");
    }

    @Test
    void support_goes_to_the_support_chat_else_the_admins_and_alerts_the_other_way_round() {
        TelegramSettings both = TelegramSettings.builder(TOKEN).adminIds(Set.of(1L, 2L)).supportChatId(-100L).build();
        TelegramSettings adminsOnly = TelegramSettings.builder(TOKEN).adminIds(Set.of(1L)).build();
        TelegramSettings chatOnly = TelegramSettings.builder(TOKEN).supportChatId(-100L).build();

        assertThat(both.supportDestinations()).containsExactly(-100L);
        assertThat(both.alertDestinations()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(adminsOnly.supportDestinations()).containsExactly(1L);
        assertThat(chatOnly.alertDestinations()).containsExactly(-100L);
        assertThatThrownBy(() -> TelegramSettings.builder(TOKEN).adminIds(Set.of(-5L)).build()).hasMessageContaining("admin");
    }
}
