package dev.vpnbot.adapter.telegram.bot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.CopyTextButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** A screen: HTML text and its inline keyboard, before it is sent or edited into place. */
public final class View {
    /** Telegram's limit on a message's text. */
    static final int MAX_TEXT = 4096;

    /** One inline button: it calls back, opens a URL, or copies text. */
    public record Button(String label, String callbackData, String url, String copyText) {
        public Button {
            Objects.requireNonNull(label, "label");
            if (callbackData != null && callbackData.getBytes(StandardCharsets.UTF_8).length > CallbackData.MAX_BYTES) {
                throw new IllegalArgumentException("callback data over 64 bytes: " + callbackData);
            }
        }

        public static Button callback(String label, String data) {
            return new Button(label, data, null, null);
        }

        public static Button url(String label, String url) {
            return new Button(label, null, url, null);
        }

        /** Telegram copies the text (at most 256 characters) to the clipboard. */
        public static Button copy(String label, String text) {
            return new Button(label, null, null, text);
        }

        InlineKeyboardButton toTelegram() {
            var builder = InlineKeyboardButton.builder().text(label);
            if (callbackData != null) builder.callbackData(callbackData);
            if (url != null) builder.url(url);
            if (copyText != null) builder.copyText(new CopyTextButton(copyText));
            return builder.build();
        }
    }

    private final String html;
    private final List<List<Button>> rows = new ArrayList<>();

    private View(String html) {
        this.html = html.length() > MAX_TEXT ? html.substring(0, MAX_TEXT - 1) + "…" : html;
    }

    public static View of(String html) {
        return new View(html);
    }

    public View row(Button... buttons) {
        if (buttons.length > 0) rows.add(List.of(buttons));
        return this;
    }

    public View rows(List<Button> oneButtonRows) {
        for (Button b : oneButtonRows) rows.add(List.of(b));
        return this;
    }

    /** Adds the rows of another view's keyboard. */
    public View rowsOf(View other) {
        rows.addAll(other.rows);
        return this;
    }

    public String html() {
        return html;
    }

    public List<List<Button>> buttons() {
        return rows;
    }

    /** Null when the screen has no buttons (Telegram then removes an old keyboard on edit). */
    public InlineKeyboardMarkup keyboard() {
        if (rows.isEmpty()) return null;
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Button> row : rows) {
            InlineKeyboardRow telegramRow = new InlineKeyboardRow();
            for (Button b : row) telegramRow.add(b.toTelegram());
            keyboard.add(telegramRow);
        }
        return new InlineKeyboardMarkup(keyboard);
    }
}
