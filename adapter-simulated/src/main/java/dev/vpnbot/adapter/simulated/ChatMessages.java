package dev.vpnbot.adapter.simulated;

import static dev.vpnbot.adapter.simulated.SimulatedTelegram.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnbot.adapter.simulated.SimulatedTelegram.Button;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SANDBOX ONLY — the messages of the simulated chat as Telegram keeps them, and Telegram's rules for
 * deleting and editing them (the 400 refusals {@link SimulatedTelegram} answers with).
 */
final class ChatMessages {
    /** A message of the chat as Telegram keeps it: what an edit or a reply finds. */
    record Kept(boolean photo, String text, List<List<Button>> keyboard, boolean fromBot) {}

    /** Telegram's refusal of a call: HTTP status and the description it gives. */
    static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String description) {
            super(description, null, false, false);
            this.code = code;
        }
    }

    private final Map<Integer, Kept> messages = new ConcurrentHashMap<>();

    Kept get(int id) {
        return messages.get(id);
    }

    void keep(int id, Kept message) {
        messages.put(id, message);
    }

    void delete(int id) {
        if (messages.remove(id) == null) throw new Refused(400, "Bad Request: message to delete not found");
    }

    /** The message an edit changes, or Telegram's refusal of the edit. */
    Kept edit(String method, int id, String text, List<List<Button>> keyboard) {
        Kept before = messages.get(id);
        refuseEdit(method, before, text, keyboard);
        return before;
    }

    /** Telegram's answers to edits it will not make (message ids are per chat; this chat is the only one). */
    private static void refuseEdit(String method, Kept before, String text, List<List<Button>> keyboard) {
        if (before == null) throw new Refused(400, "Bad Request: message to edit not found");
        if (!before.fromBot()) throw new Refused(400, "Bad Request: message can't be edited");
        if (method.equals("editmessagetext") && before.photo()) throw new Refused(400, "Bad Request: there is no text in the message to edit");
        if (method.equals("editmessagecaption") && !before.photo()) throw new Refused(400, "Bad Request: there is no caption in the message to edit");
        if (before.text().equals(text) && before.keyboard().equals(keyboard)) {
            throw new Refused(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly "
                    + "the same as a current content and reply markup of the message");
        }
    }

    static List<List<Button>> keyboard(String markup) {
        List<List<Button>> rows = new ArrayList<>();
        if (markup == null) return rows;
        try {
            for (JsonNode row : JSON.readTree(markup).path("inline_keyboard")) {
                List<Button> buttons = new ArrayList<>();
                for (JsonNode b : row) {
                    buttons.add(new Button(b.path("text").asText(), b.hasNonNull("callback_data") ? b.get("callback_data").asText() : null,
                            b.hasNonNull("url") ? b.get("url").asText() : null,
                            b.has("copy_text") ? b.path("copy_text").path("text").asText() : null));
                }
                rows.add(buttons);
            }
        } catch (IOException e) {
            // a keyboard we cannot read is shown as none
        }
        return rows;
    }
}
