package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.server.PanelCredentials;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What admins type: every kind of nonsense is named by the text that explains it. */
class AdminInputTest {
    private static final Currency USD = Currency.getInstance("USD");

    private static void invalid(Runnable parse, String key) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(AdminInput.Invalid.class, e -> assertThat(e.key).isEqualTo(key));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            4.99      | 4.99 USD
            4,99      | 4.99 USD
            7         | 7.00 USD
            11 eur    | 11.00 EUR
            1500 RUB  | 1500.00 RUB
            """)
    void prices_are_read_with_either_decimal_mark_and_keep_the_currency_unless_one_is_given(String typed, String expected) {
        assertThat(AdminInput.price(typed, USD)).isEqualTo(Money.of(expected.split(" ")[0], expected.split(" ")[1]));
    }

    @Test
    void nonsense_prices_are_refused_with_their_reason() {
        invalid(() -> AdminInput.price("abc", USD), "admin.error.price");
        invalid(() -> AdminInput.price("-5", USD), "admin.error.price");
        invalid(() -> AdminInput.price("1e3", USD), "admin.error.price");
        invalid(() -> AdminInput.price("5 USD extra", USD), "admin.error.price");
        invalid(() -> AdminInput.price("0", USD), "admin.error.price_zero");
        invalid(() -> AdminInput.price("0.00", USD), "admin.error.price_zero");
        invalid(() -> AdminInput.price("4.999", USD), "admin.error.decimals");
        invalid(() -> AdminInput.price("5 XYZ", USD), "admin.error.currency");
        invalid(() -> AdminInput.price("5 $", USD), "admin.error.currency");
        invalid(() -> AdminInput.price("  ", USD), "admin.error.text_only");
        invalid(() -> AdminInput.price(null, USD), "admin.error.text_only");
    }

    @Test
    void a_new_tariff_is_days_price_currency_and_an_optional_position() {
        assertThat(AdminInput.newTariff("30 4.99 USD 1")).isEqualTo(new AdminInput.NewTariff(30, Money.of("4.99", "USD"), 1));
        assertThat(AdminInput.newTariff(" 90  12 usd ")).isEqualTo(new AdminInput.NewTariff(90, Money.of("12", "USD"), null));
        invalid(() -> AdminInput.newTariff("0 5 USD"), "admin.error.days");
        invalid(() -> AdminInput.newTariff("3661 5 USD"), "admin.error.days");
        invalid(() -> AdminInput.newTariff("month 5 USD"), "admin.error.days");
        invalid(() -> AdminInput.newTariff("30 5"), "admin.error.tariff_format");
        invalid(() -> AdminInput.newTariff("30 5 USD 1 2"), "admin.error.tariff_format");
        invalid(() -> AdminInput.newTariff("30 5 USD first"), "admin.error.display_order");
    }

    @Test
    void logins_are_username_and_password_with_an_optional_two_factor_code_or_a_token() {
        assertThat(AdminInput.credentials("admin\nS3cret pass phrase")).isEqualTo(new PanelCredentials.Password("admin", "S3cret pass phrase"));
        assertThat(AdminInput.credentials("admin\r\npw\r\n123456")).isEqualTo(new PanelCredentials.Password("admin", "pw", "123456"));
        assertThat(AdminInput.credentials("admin pw")).isEqualTo(new PanelCredentials.Password("admin", "pw"));
        assertThat(AdminInput.credentials("admin pw 654321")).isEqualTo(new PanelCredentials.Password("admin", "pw", "654321"));
        assertThat(AdminInput.credentials("token abc.def-123")).isEqualTo(new PanelCredentials.ApiToken("abc.def-123"));
        assertThat(AdminInput.credentials("TOKEN\nabc")).isEqualTo(new PanelCredentials.ApiToken("abc"));
        invalid(() -> AdminInput.credentials("onlyone"), "admin.error.credentials");
        invalid(() -> AdminInput.credentials("a b c d"), "admin.error.credentials");
        invalid(() -> AdminInput.credentials("a\nb\nc\nd"), "admin.error.credentials");
    }

    @Test
    void panel_addresses_are_normalised_and_anything_else_is_refused_with_the_reason() {
        assertThat(AdminInput.panelUrl(" https://203.0.113.7:2053/Xq9secret ")).isEqualTo("https://203.0.113.7:2053/Xq9secret/");
        assertThatThrownBy(() -> AdminInput.panelUrl("ftp://example.com/"))
                .isInstanceOfSatisfying(AdminInput.Invalid.class, e -> {
                    assertThat(e.key).isEqualTo("admin.error.url");
                    assertThat(e.args[0].toString()).contains("http:// or https://");
                });
        invalid(() -> AdminInput.panelUrl("https://example.com/?x=1"), "admin.error.url");
        assertThatThrownBy(() -> AdminInput.panelUrl("admin\nhunter2")).as("a login sent as the address is not echoed")
                .isInstanceOfSatisfying(AdminInput.Invalid.class, e -> assertThat(e.args[0].toString())
                        .isEqualTo("panel URL is not a URL").doesNotContain("hunter2"));
        assertThatThrownBy(() -> AdminInput.panelUrl("admin:hunter2")).isInstanceOfSatisfying(AdminInput.Invalid.class,
                e -> assertThat(e.args[0].toString()).isEqualTo("panel URL must start with http:// or https://"));
        invalid(() -> AdminInput.panelUrl("not a url"), "admin.error.url");
    }

    @Test
    void an_admin_entered_panel_url_in_link_local_or_cloud_metadata_ranges_is_refused() {
        assertThatThrownBy(() -> AdminInput.panelUrl("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOfSatisfying(AdminInput.Invalid.class, e -> {
                    assertThat(e.key).isEqualTo("admin.error.url");
                    assertThat(e.args[0].toString()).contains("link-local");
                });
        invalid(() -> AdminInput.panelUrl("http://[fe80::1%25eth0]:2053/p/"), "admin.error.url");
        invalid(() -> AdminInput.panelUrl("http://metadata.google.internal/"), "admin.error.url");
    }

    @Test
    void a_reality_inbound_is_a_port_and_a_server_name() {
        var inbound = AdminInput.realityInbound("8443 WWW.Microsoft.com", "vpnbot");
        assertThat(inbound.port()).isEqualTo(8443);
        assertThat(inbound.serverName()).isEqualTo("www.microsoft.com");
        assertThat(inbound.target()).isEqualTo("www.microsoft.com:443");
        invalid(() -> AdminInput.realityInbound("8443", "vpnbot"), "admin.error.reality_format");
        invalid(() -> AdminInput.realityInbound("0 www.microsoft.com", "vpnbot"), "admin.error.port");
        invalid(() -> AdminInput.realityInbound("70000 www.microsoft.com", "vpnbot"), "admin.error.port");
        invalid(() -> AdminInput.realityInbound("8443 localhost", "vpnbot"), "admin.error.sni");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "many", "1000001"})
    void max_clients_is_a_whole_number_from_1_to_a_million(String typed) {
        invalid(() -> AdminInput.maxClients(typed), "admin.error.max_clients");
    }

    @Test
    void server_names_are_kept_as_typed_within_the_length_limit() {
        assertThat(AdminInput.serverName("  🇩🇪 Frankfurt ")).isEqualTo("🇩🇪 Frankfurt");
        invalid(() -> AdminInput.serverName("x".repeat(65)), "admin.error.server_name");
    }
}
