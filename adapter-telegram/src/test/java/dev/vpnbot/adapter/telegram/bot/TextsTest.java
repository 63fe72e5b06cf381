package dev.vpnbot.adapter.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.admin.AdminDesk;
import dev.vpnbot.adapter.telegram.admin.BroadcastFlow;
import dev.vpnbot.adapter.telegram.notify.TelegramNotifier;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.key.RemainingTime;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bot's words: both languages complete and alike, dates, durations and plurals localised. */
class TextsTest {
    private final Texts ru = Texts.of(Language.RU);
    private final Texts en = Texts.of(Language.EN);

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void russian_and_english_have_the_same_keys_with_the_same_placeholders() throws IOException {
        Properties russian = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");

        assertThat(english.stringPropertyNames()).isEqualTo(russian.stringPropertyNames());
        for (String key : russian.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key))).as(key).isEqualTo(placeholders(russian.getProperty(key)));
        }
    }

    @Test
    void every_text_the_code_asks_for_exists_in_both_languages() throws IOException {
        Pattern used = Pattern.compile("\"((?:menu|buy|extend|order|keys|key|connect|support|notify|button|error|language|refusal|command|time|unit|admin)\\.[a-z_.A-Z]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = used.matcher(Files.readString(source));
                while (m.find()) keys.add(m.group(1));
            }
        }
        for (Refusal.Reason reason : Refusal.Reason.values()) keys.add("refusal." + reason.name());
        for (String command : new String[] {"start", "buy", "keys", "connect", "support", "language"}) keys.add("command." + command);
        for (String command : AdminDesk.COMMANDS) keys.add("command." + command);
        // texts whose key the code completes with an enum value
        for (var kind : dev.vpnbot.application.model.panel.PanelFault.values()) keys.add("admin.problem." + kind.name());
        for (var alert : dev.vpnbot.application.port.out.notify.AdminAlert.Kind.values()) keys.add(TelegramNotifier.alertTitle(alert));
        for (var audience : dev.vpnbot.domain.broadcast.Audience.values()) keys.add(BroadcastFlow.audienceKey(audience));
        for (var problem : dev.vpnbot.domain.app.ImportTemplate.Problem.values()) {
            keys.add("admin.apps.template." + problem.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (var status : dev.vpnbot.domain.broadcast.Broadcast.Status.values()) {
            keys.add("admin.broadcast.status." + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (var status : dev.vpnbot.domain.key.KeyStatus.values()) keys.add("admin.key_status." + status.name().toLowerCase(java.util.Locale.ROOT));
        for (var status : dev.vpnbot.domain.order.OrderStatus.values()) {
            keys.add("admin.order_status." + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        keys.removeIf(k -> k.endsWith(".")); // prefixes completed in code, covered above

        assertThat(keys).hasSizeGreaterThan(250);
        for (String key : keys) {
            if (key.startsWith("unit.")) continue; // plural forms: unit.month.one…
            assertThat(ru.has(key)).as("ru " + key).isTrue();
            assertThat(en.has(key)).as("en " + key).isTrue();
        }
    }

    @Test
    void time_left_reads_as_days_and_hours() {
        RemainingTime left = new RemainingTime(Duration.ofDays(23).plusHours(4).plusMinutes(59));

        assertThat(en.remaining(left)).isEqualTo("23 d 4 h");
        assertThat(ru.remaining(left)).isEqualTo("23 дн 4 ч");
        assertThat(en.remaining(new RemainingTime(Duration.ofMinutes(125)))).isEqualTo("2 h 5 min");
        assertThat(ru.remaining(new RemainingTime(Duration.ofSeconds(20)))).isEqualTo("1 мин");
        assertThat(en.remaining(new RemainingTime(Duration.ofDays(-1)))).isEqualTo("expired");
        assertThat(ru.remaining(new RemainingTime(Duration.ZERO))).isEqualTo("истёк");
    }

    @ParameterizedTest
    @CsvSource({"30, 1 месяц, 1 month", "90, 3 месяца, 3 months", "360, 12 месяцев, 12 months", "630, 21 месяц, 21 months",
            "1, 1 день, 1 day", "7, 7 дней, 7 days", "22, 22 дня, 22 days", "11, 11 дней, 11 days", "45, 45 дней, 45 days"})
    void periods_follow_each_languages_plural_rules(int days, String russian, String english) {
        assertThat(ru.period(days)).isEqualTo(russian);
        assertThat(en.period(days)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 заказов, 0 orders", "1, 1 заказ, 1 order", "3, 3 заказа, 3 orders", "11, 11 заказов, 11 orders",
            "21, 21 заказ, 21 orders"})
    void order_counts_on_the_statistics_screen_follow_the_plural_rules(long n, String russian, String english) {
        assertThat(ru.plural("unit.order", n)).isEqualTo(russian);
        assertThat(en.plural("unit.order", n)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 получателей, 0 recipients", "1, 1 получатель, 1 recipient", "2, 2 получателя, 2 recipients",
            "5, 5 получателей, 5 recipients", "11, 11 получателей, 11 recipients", "21, 21 получатель, 21 recipients",
            "22, 22 получателя, 22 recipients", "112, 112 получателей, 112 recipients", "1001, 1001 получатель, 1001 recipients"})
    void broadcast_recipient_counts_follow_the_icu_plural_rules_of_each_language(long n, String russian, String english) {
        assertThat(ru.plural("unit.recipient", n)).isEqualTo(russian);
        assertThat(en.plural("unit.recipient", n)).isEqualTo(english);
    }

    @Test
    void dates_are_shown_in_the_users_zone_and_language() {
        Instant expiry = Instant.parse("2026-03-31T10:00:00Z");

        assertThat(ru.date(expiry, ZoneId.of("Europe/Moscow"))).isEqualTo("31 марта 2026, 13:00 (MSK)");
        assertThat(en.date(expiry, ZoneId.of("Asia/Yekaterinburg"))).startsWith("31 Mar 2026, 15:00");
        assertThat(en.date(expiry, ZoneId.of("UTC"))).isEqualTo("31 Mar 2026, 10:00 (UTC)");
    }

    @Test
    void money_is_written_with_the_languages_decimal_mark_and_the_currency_code() {
        assertThat(ru.money(Money.of("1234.5", "USD"))).isEqualTo("1\u00a0234,50 USD");
        assertThat(en.money(Money.of("4.99", "USD"))).isEqualTo("4.99 USD");
        assertThat(en.money(Money.of("1500", "RUB"))).isEqualTo("1,500.00 RUB");
    }

    @Test
    void arguments_of_html_texts_are_escaped_and_labels_are_left_alone() {
        assertThat(en.html("menu.text", "<b>Eve</b> & co")).contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co").doesNotContain("<b>Eve");
        assertThat(en.label("buy.tariff_button", "1 month", "<5> USD")).isEqualTo("1 month — <5> USD");
    }

    @Test
    void a_placeholder_inside_an_argument_is_not_filled_again() {
        assertThat(Texts.fill("{0} wrote: {1}", new Object[] {"{1}", "hello"})).isEqualTo("{1} wrote: hello");
        assertThat(Texts.fill("{0} and {7} and {x}", new Object[] {"a"})).isEqualTo("a and {7} and {x}");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }
}
