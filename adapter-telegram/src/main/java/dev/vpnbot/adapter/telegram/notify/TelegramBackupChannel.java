package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.application.port.out.admin.BackupChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Backups as documents (sendDocument) into the backup chats, straight to Telegram rather than
 * through the rate-limited lanes: one upload a day, and the caller must know whether it arrived.
 * Telegram's refusals are said in words the operator can act on.
 */
public final class TelegramBackupChannel implements BackupChannel {
    private final TelegramClient client;
    private final List<Long> chats;

    /** @param chats BACKUP_CHAT_ID, or the admins' own chats when it is not set */
    public TelegramBackupChannel(TelegramClient client, List<Long> chats) {
        this.client = client;
        this.chats = List.copyOf(chats);
    }

    @Override
    public void send(Path file, String caption) {
        if (chats.isEmpty()) throw new Undeliverable("there is no chat to send backups to: set BACKUP_CHAT_ID or ADMIN_IDS");
        List<String> problems = new ArrayList<>();
        for (long chat : chats) {
            try {
                client.execute(SendDocument.builder().chatId(chat).document(new InputFile(file.toFile(), file.getFileName().toString()))
                        .caption(caption).build());
            } catch (TelegramApiRequestException e) {
                problems.add(explain(chat, e.getErrorCode() == null ? 0 : e.getErrorCode(), e.getApiResponse()));
            } catch (TelegramApiException e) {
                problems.add("Telegram could not be reached to send the backup to chat " + chat + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new Undeliverable(String.join("; ", problems));
    }

    /** Telegram's words (https://core.telegram.org/bots/api#making-requests) turned into what to do. */
    static String explain(long chat, int code, String description) {
        String said = description == null ? "" : description;
        String lower = said.toLowerCase(Locale.ROOT);
        String what;
        if (lower.contains("chat not found")) {
            what = "Telegram knows no chat " + chat + ": check BACKUP_CHAT_ID (a group's id starts with -100) and that the bot was added to it";
        } else if (code == 403 || lower.contains("not enough rights") || lower.contains("not a member") || lower.contains("kicked")) {
            what = "the bot may not post in chat " + chat + ": add it to the chat (in a channel, as an admin who may post) or change BACKUP_CHAT_ID";
        } else if (code == 413 || lower.contains("too large") || lower.contains("too big")) {
            what = "Telegram refused the file as too large for chat " + chat + ": lower BACKUP_MAX_MB below Telegram's 50 MB";
        } else {
            what = "Telegram refused the backup for chat " + chat;
        }
        return what + " (Telegram said: " + code + " " + said + ")";
    }
}
