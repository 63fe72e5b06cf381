package dev.vpnbot.adapter.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The sandbox's simulated Telegram speaks enough Bot API for the real client library. */
class SimulatedTelegramTest {

    @Test
    void the_real_client_sends_to_the_terminal_and_receives_what_the_person_types_and_presses() throws Exception {
        List<SimulatedTelegram.Shown> shown = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        TerminalChat chat = new TerminalChat(new PrintStream(screen, true, StandardCharsets.UTF_8));
        try (SimulatedTelegram telegram = new SimulatedTelegram(42, "Sandy", "en", s -> { shown.add(s); chat.show(s); })) {
            java.net.URI uri = java.net.URI.create(telegram.baseUrl());
            var client = new OkHttpTelegramClient(SimulatedTelegram.TOKEN, new TelegramUrl("http", uri.getHost(), uri.getPort(), false));

            client.execute(SendMessage.builder().chatId(42L).text("Main menu")
                    .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                            InlineKeyboardButton.builder().text("Buy key").callbackData("buy").build(),
                            InlineKeyboardButton.builder().text("Site").url("https://example.org").build())).build())
                    .build());
            assertThat(shown).singleElement().satisfies(s -> {
                assertThat(s.text()).isEqualTo("Main menu");
                assertThat(s.keyboard().get(0)).extracting(SimulatedTelegram.Button::data).containsExactly("buy", null);
            });

            chat.converse(new BufferedReader(new StringReader("/start\n#1\nquit\n")), telegram);
            List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
            assertThat(updates).hasSize(2);
            assertThat(updates.get(0).getMessage().getText()).isEqualTo("/start");
            assertThat(updates.get(0).getMessage().getEntities()).as(updates.get(0).toString()).isNotEmpty();
            assertThat(updates.get(0).getMessage().isCommand()).isTrue();
            assertThat(updates.get(1).getCallbackQuery().getData()).isEqualTo("buy");
            assertThat(screen.toString(StandardCharsets.UTF_8)).contains("SANDBOX", "[#1] Buy key", "(Site: https://example.org)");
            assertThat(TerminalChat.plain("<b>Key</b>: <code>vless://a@b?x=1&amp;y=2</code>")).isEqualTo("Key: vless://a@b?x=1&y=2");
        }
    }

    @Test
    void a_stars_invoice_can_be_paid_with_simulated_stars_after_the_bot_answers_the_pre_checkout_query() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        TerminalChat chat = new TerminalChat(new PrintStream(screen, true, StandardCharsets.UTF_8));
        try (SimulatedTelegram telegram = new SimulatedTelegram(42, "Sandy", "en", chat::show)) {
            java.net.URI uri = java.net.URI.create(telegram.baseUrl());
            var client = new OkHttpTelegramClient(SimulatedTelegram.TOKEN, new TelegramUrl("http", uri.getHost(), uri.getPort(), false));
            var sent = client.execute(SendInvoice.builder().chatId(42L).title("VPN, 1 month").description("Order vpn-1-x")
                    .payload("vpn-1-x").providerToken("").currency("XTR").prices(List.of(new LabeledPrice("VPN", 250))).build());
            assertThat(sent.getInvoice().getTotalAmount()).isEqualTo(250);

            chat.converse(new BufferedReader(new StringReader("#1\nquit\n")), telegram);
            List<Update> asked = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
            PreCheckoutQuery query = asked.get(0).getPreCheckoutQuery();
            assertThat(query.getInvoicePayload()).isEqualTo("vpn-1-x");
            assertThat(query.getTotalAmount()).isEqualTo(250);
            assertThat(query.getCurrency()).isEqualTo("XTR");

            assertThat(client.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getId()).ok(true).build())).isTrue();
            List<Update> paid = client.execute(GetUpdates.builder().offset(asked.get(0).getUpdateId() + 1).timeout(0).build());
            var payment = paid.get(0).getMessage().getSuccessfulPayment();
            assertThat(payment.getInvoicePayload()).isEqualTo("vpn-1-x");
            assertThat(payment.getTotalAmount()).isEqualTo(250);
            assertThat(payment.getTelegramPaymentChargeId()).startsWith("sandbox-charge-");
            assertThat(screen.toString(StandardCharsets.UTF_8)).contains("[#1] ⭐ Pay 250 (simulated Stars)");
        }
    }
}
