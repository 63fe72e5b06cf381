package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.ZoneId;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;

/**
 * One update from a user being answered: who they are, in which chat and language, and how to
 * reply. Navigating from a button edits that button's message in place; a command or text gets
 * a new message. A button press is always answered once, so the client stops its spinner.
 */
public final class Interaction {
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final Outbox sender;
    private final long chatId;
    private final User user;
    private final Texts texts;
    private final ZoneId zone;
    private final Integer messageId;
    private final String callbackId;
    private final String callbackData;
    private boolean answered;

    public Interaction(Outbox sender, long chatId, User user, ZoneId defaultZone, Integer messageId,
                String callbackId, String callbackData) {
        this.sender = sender;
        this.chatId = chatId;
        this.user = user;
        this.texts = Texts.of(user.language());
        this.zone = user.zoneOr(defaultZone);
        this.messageId = messageId;
        this.callbackId = callbackId;
        this.callbackData = callbackData;
    }

    public long chatId() { return chatId; }
    public User user() { return user; }
    public UserId userId() { return user.id(); }
    public Texts texts() { return texts; }
    public ZoneId zone() { return zone; }
    public boolean fromButton() { return callbackId != null; }
    public String callbackData() { return callbackData; }

    /** The same interaction in another language (after the user switched). */
    public Interaction as(User changed, ZoneId defaultZone) {
        Interaction next = new Interaction(sender, chatId, changed, defaultZone, messageId, callbackId, callbackData);
        next.answered = answered;
        return next;
    }

    /** Replaces the pressed message with this screen; sends it as a new message otherwise. */
    public void show(View view) {
        if (messageId == null) {
            sendNew(view);
            return;
        }
        EditMessageText edit = EditMessageText.builder().chatId(chatId).messageId(messageId)
                .text(view.html()).parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW)
                .replyMarkup(view.keyboard()).build();
        sender.editOrSend(chatId, edit, message(chatId, view));
    }

    public void sendNew(View view) {
        sender.send(chatId, message(chatId, view));
    }

    /** A short note over the chat (answers the button). */
    public void toast(String text) {
        answer(text, false);
    }

    /** A note the user must dismiss (answers the button). */
    public void alert(String text) {
        answer(text, true);
    }

    /** Answers the button with nothing if no screen did. */
    public void finish() {
        answer(null, false);
    }

    private void answer(String text, boolean showAlert) {
        if (callbackId == null || answered) return;
        answered = true;
        sender.answer(chatId, AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).showAlert(showAlert ? true : null).build());
    }

    public static SendMessage message(long chatId, View view) {
        return SendMessage.builder().chatId(chatId).text(view.html()).parseMode(ParseMode.HTML)
                .linkPreviewOptions(NO_PREVIEW).replyMarkup(view.keyboard()).build();
    }
}
