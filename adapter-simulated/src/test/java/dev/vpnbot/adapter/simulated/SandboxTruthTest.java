package dev.vpnbot.adapter.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The sandbox tells the truth about Telegram: what Telegram refuses, pops up, quotes and draws, the sandbox does too. */
class SandboxTruthTest {
    @TempDir
    Path files;
    private final List<SimulatedTelegram.Shown> shown = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private TerminalChat chat;
    private SimulatedTelegram telegram;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        chat = new TerminalChat(new PrintStream(screen, true, StandardCharsets.UTF_8));
        telegram = new SimulatedTelegram(42, "Sandy", "en", files, new SimulatedTelegram.Screen() {
            @Override
            public void show(SimulatedTelegram.Shown s) {
                shown.add(s);
                chat.show(s);
            }

            @Override
            public void popup(String text, boolean alert) {
                chat.popup(text, alert);
            }

            @Override
            public void deleted(int messageId) {
                chat.deleted(messageId);
            }
        });
        URI uri = URI.create(telegram.baseUrl());
        client = new OkHttpTelegramClient(SimulatedTelegram.TOKEN, new TelegramUrl("http", uri.getHost(), uri.getPort(), false));
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private List<Update> updates() throws Exception {
        return client.execute(GetUpdates.builder().offset(0).timeout(0).build());
    }

    private static InlineKeyboardMarkup oneButton(String text, String data) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(text).callbackData(data).build())).build();
    }

    @Test
    void callback_pop_ups_are_shown_toasts_and_alerts_alike() throws Exception {
        client.execute(AnswerCallbackQuery.builder().callbackQueryId("q1").text("No payment yet").build());
        client.execute(AnswerCallbackQuery.builder().callbackQueryId("q2").text("This button is outdated").showAlert(true).build());
        client.execute(AnswerCallbackQuery.builder().callbackQueryId("q3").build());

        assertThat(screen()).contains("💬 [pop-up] No payment yet").contains("⚠️ [alert, OK to close] This button is outdated");
        assertThat(screen().split("pop-up|alert,", -1)).as("an empty answer shows nothing").hasSize(3);
    }

    @Test
    void an_edit_telegram_would_refuse_is_refused_so_the_old_message_stays() throws Exception {
        var photo = client.execute(SendPhoto.builder().chatId(42L).photo(new InputFile(new ByteArrayInputStream(png(21, 4)), "qr.png"))
                .caption("Your key").replyMarkup(oneButton("How to connect", "hk:1")).build());
        var text = client.execute(SendMessage.builder().chatId(42L).text("Menu").replyMarkup(oneButton("Buy", "b")).build());

        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(42L).messageId(photo.getMessageId()).text("Connect").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo("Bad Request: there is no text in the message to edit");
                });
        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(42L).messageId(text.getMessageId()).text("Menu")
                        .replyMarkup(oneButton("Buy", "b")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getApiResponse()).startsWith("Bad Request: message is not modified"));
        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(42L).messageId(999).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: message to edit not found"));
        assertThat(shown).noneMatch(SimulatedTelegram.Shown::edit);

        client.execute(EditMessageText.builder().chatId(42L).messageId(text.getMessageId()).text("Tariffs").build());
        assertThat(shown).last().satisfies(s -> assertThat(s.edit()).isTrue());
    }

    @Test
    void a_typed_message_the_bot_deletes_is_shown_as_deleted_and_cannot_be_edited() throws Exception {
        telegram.type("admin\nhunter2");
        int typed = updates().get(0).getMessage().getMessageId();

        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(42L).messageId(typed).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: message can't be edited"));
        client.execute(DeleteMessage.builder().chatId(42L).messageId(typed).build());

        assertThat(screen()).contains("🗑 message #" + typed + " deleted by the bot");
        assertThatThrownBy(() -> client.execute(DeleteMessage.builder().chatId(42L).messageId(typed).build()))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void typed_numbers_are_text_and_only_hash_numbers_press_buttons() throws Exception {
        var first = client.execute(SendMessage.builder().chatId(42L).text("Menu").replyMarkup(oneButton("Buy", "b")).build());
        client.execute(SendMessage.builder().chatId(42L).text("How many days?").replyMarkup(oneButton("Cancel", "x")).build());

        chat.converse(new BufferedReader(new StringReader("1\n30\n#1\n#" + first.getMessageId() + ".1\n#5\nquit\n")), telegram);

        List<Update> updates = updates();
        assertThat(updates).hasSize(4);
        assertThat(updates.get(0).getMessage().getText()).isEqualTo("1");
        assertThat(updates.get(1).getMessage().getText()).isEqualTo("30");
        assertThat(updates.get(2).getCallbackQuery().getData()).isEqualTo("x");
        assertThat(updates.get(3).getCallbackQuery().getData()).isEqualTo("b");
        assertThat(updates.get(3).getCallbackQuery().getMessage().getMessageId()).isEqualTo(first.getMessageId());
        assertThat(screen()).contains("no button #5 here; nothing was sent");
    }

    @Test
    void multi_line_input_by_backslash_or_triple_quotes_is_one_message() throws Exception {
        chat.converse(new BufferedReader(new StringReader("first line\\\nsecond line\n\"\"\"\nline a\n\nline c\n\"\"\"\nquit\n")), telegram);

        List<Update> updates = updates();
        assertThat(updates).extracting(u -> u.getMessage().getText()).containsExactly("first line\nsecond line", "line a\n\nline c");
    }

    @Test
    void reply_answers_a_message_the_way_telegram_quotes_it() throws Exception {
        var ticket = client.execute(SendMessage.builder().chatId(42L).parseMode("HTML").text("🆘 Request #id7\n<b>help</b> &amp; more").build());

        chat.converse(new BufferedReader(new StringReader("reply " + ticket.getMessageId() + " Fixed it\nquit\n")), telegram);

        var message = updates().get(0).getMessage();
        assertThat(message.getText()).isEqualTo("Fixed it");
        assertThat(message.getReplyToMessage().getText()).isEqualTo("🆘 Request #id7\nhelp & more");
        assertThat(message.getReplyToMessage().getFrom().getIsBot()).isTrue();
    }

    @Test
    void a_qr_code_is_saved_as_png_and_drawn_with_half_blocks_module_for_module() throws Exception {
        String link = "https://vpn.example/sub/k1abcdefgh";
        ByteMatrix qr = Encoder.encode(link, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
        byte[] png = png(qr, 512, 2);

        client.execute(SendPhoto.builder().chatId(42L).photo(new InputFile(new ByteArrayInputStream(png), "qr.png")).caption("Key").build());

        Path saved = shown.get(0).file();
        assertThat(saved).exists().hasParent(files);
        assertThat(Files.readAllBytes(saved)).isEqualTo(png);
        boolean[][] modules = TerminalQr.modules(png).orElseThrow();
        assertThat(modules.length).isEqualTo(qr.getWidth());
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) assertThat(modules[y][x]).as("module %d,%d", x, y).isEqualTo(qr.get(x, y) == 1);
        }
        List<String> lines = TerminalQr.draw(modules);
        assertThat(lines).hasSize((qr.getHeight() + 4 + 1) / 2);
        assertThat(screen()).contains(lines.get(2)).contains("saved as " + saved.toAbsolutePath());
        assertThat(String.join("", lines)).containsPattern("[▀▄█]");
        assertThat(TerminalQr.lines("not a picture".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    /** A square pattern of {@code modules} with a solid 7-module corner, as a PNG. */
    private static byte[] png(int modules, int scale) throws Exception {
        ByteMatrix m = new ByteMatrix(modules, modules);
        for (int y = 0; y < modules; y++) for (int x = 0; x < modules; x++) m.set(x, y, (x < 7 && y < 7) || (x + y) % 3 == 0 || x == modules - 1 || y == modules - 1 ? 1 : 0);
        return png(m, modules * scale + 8 * scale, 4 * scale);
    }

    /** Like the bot's QrCode: scaled to about {@code size} pixels, centred, white margin. */
    private static byte[] png(ByteMatrix matrix, int size, int ignoredMargin) throws Exception {
        int scale = Math.max(1, size / (matrix.getWidth() + 4));
        int offset = (size - matrix.getWidth() * scale) / 2;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = (x - offset) / scale, my = (y - offset) / scale;
                boolean dark = x >= offset && y >= offset && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my) == 1;
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
