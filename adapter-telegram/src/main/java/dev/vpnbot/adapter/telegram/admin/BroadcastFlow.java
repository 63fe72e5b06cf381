package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase.PrepareBroadcastCommand;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase.Preview;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.broadcast.LinkButton;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * A broadcast (admins): choose the audience (and the days of "expiring within") → write the
 * text, or send a photo with it as the caption → preview with the number of recipients →
 * optionally one URL button → send or cancel → progress with a refresh button; the final {@link #report} goes
 * out through the broadcast channel when the scheduler has sent the last batch. Users get the
 * text exactly as written (no markup), and the preview shows it that way.
 */
public final class BroadcastFlow {
    private static final Logger LOG = LoggerFactory.getLogger(BroadcastFlow.class);
    /** The step's choice while the admin types a draft's URL button (the draft's id is the step's id). */
    private static final String BUTTON = "BUTTON";

    private final BroadcastUseCase broadcasts;
    private final Conversations conversations;

    BroadcastFlow(BroadcastUseCase broadcasts, Conversations conversations) {
        this.broadcasts = broadcasts;
        this.conversations = conversations;
    }

    void audiences(Interaction ix) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        View view = View.of(t.html("admin.broadcast.title") + "\n\n" + t.html("admin.broadcast.choose_audience"));
        for (Audience audience : Audience.values()) {
            view.row(Button.callback(t.label(audienceKey(audience)), CallbackData.of(Action.BROADCAST_AUDIENCE, audience)));
        }
        ix.show(view.row(AdminHome.back(t)));
    }

    void audience(Interaction ix, Audience audience) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_BROADCAST_TEXT, 0, audience.name()));
        if (audience.takesDays()) {
            ix.show(View.of(t.html("admin.broadcast.ask_days", Audience.MAX_DAYS)).row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST))));
            return;
        }
        askText(ix, audience, 0, false);
    }

    /** Asks for the URL button of draft {@code id}. */
    void askButton(Interaction ix, long id) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_BROADCAST_TEXT, id, BUTTON));
        ix.show(View.of(t.html("admin.broadcast.ask_button")).row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST_PROGRESS, id))));
    }

    /**
     * What the admin typed at this step: the days of "expiring within", the text (or a photo with
     * its caption) that becomes a draft with its preview, or a draft's URL button.
     */
    void received(Interaction ix, Message message, Conversation c) {
        if (c.choice().equals(BUTTON)) {
            button(ix, message, c.id());
            return;
        }
        String[] choice = c.choice().split(":", 2);
        Audience audience;
        try {
            audience = Audience.valueOf(choice[0]);
        } catch (IllegalArgumentException e) {
            audiences(ix); // a state from another version
            return;
        }
        if (audience.takesDays() && choice.length == 1) {
            days(ix, message, audience);
            return;
        }
        int days = choice.length == 2 ? Integer.parseInt(choice[1]) : 0;
        BroadcastDraftInput input = BroadcastDraftInput.of(message);
        if (input.problem() != null) {
            askText(ix, audience, days, true, input.problem().explain(ix.texts()));
            return;
        }
        Preview preview = broadcasts.prepare(new PrepareBroadcastCommand(ix.userId(), input.text(), audience, days, input.photo()));
        conversations.clear(ix.chatId());
        showPreview(ix, preview);
    }

    private void days(Interaction ix, Message message, Audience audience) {
        Texts t = ix.texts();
        String typed = message.hasText() ? message.getText().strip() : "";
        int days = typed.matches("[0-9]{1,3}") ? Integer.parseInt(typed) : 0;
        if (days < 1 || days > Audience.MAX_DAYS) {
            ix.sendNew(View.of("⚠️ " + t.html("admin.broadcast.bad_days", Audience.MAX_DAYS))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST))));
            return;
        }
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_BROADCAST_TEXT, 0, audience.name() + ":" + days));
        askText(ix, audience, days, true);
    }

    private void askText(Interaction ix, Audience audience, int days, boolean asNew, String... problem) {
        Texts t = ix.texts();
        String ask = (problem.length > 0 ? "⚠️ " + problem[0] + "\n\n" : "")
                + t.html("admin.broadcast.ask_text", audienceName(t, audience, days), Broadcast.MAX_TEXT_LENGTH)
                + "\n" + t.html("admin.broadcast.photo_hint", Broadcast.MAX_CAPTION_LENGTH);
        View view = View.of(ask).row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST)));
        if (asNew) ix.sendNew(view);
        else ix.show(view);
    }

    private void button(Interaction ix, Message message, long id) {
        Texts t = ix.texts();
        String typed = message.hasText() ? message.getText().strip() : "";
        int space = typed.lastIndexOf(' ');
        String label = space < 0 ? "" : typed.substring(0, space).strip();
        String url = space < 0 ? typed : typed.substring(space + 1);
        if (label.isEmpty() || label.length() > LinkButton.MAX_LABEL || url.length() > LinkButton.MAX_URL || !LinkButton.isWebAddress(url)) {
            ix.sendNew(View.of("⚠️ " + t.html("admin.broadcast.bad_button", LinkButton.MAX_LABEL) + "\n\n" + t.html("admin.broadcast.ask_button"))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST_PROGRESS, id))));
            return;
        }
        Preview preview = broadcasts.withButton(ix.userId(), id, label, url);
        conversations.clear(ix.chatId());
        showPreview(ix, preview);
    }

    private void showPreview(Interaction ix, Preview preview) {
        Texts t = ix.texts();
        Broadcast draft = preview.draft();
        long id = draft.id();
        StringBuilder text = new StringBuilder(t.html("admin.broadcast.preview", id, audienceName(t, draft.audience(), draft.withinDays()),
                t.plural("unit.recipient", preview.recipients())));
        if (draft.photo() != null) text.append("\n").append(t.html("admin.broadcast.with_photo"));
        if (draft.button() != null) text.append("\n").append(t.html("admin.broadcast.with_button", draft.button().label(), draft.button().url()));
        View view = View.of(text.append("\n\n").append(Html.escape(draft.text())).toString());
        if (preview.recipients() > 0) {
            view.row(Button.callback(t.label("admin.broadcast.send", preview.recipients()), CallbackData.of(Action.BROADCAST_CONFIRM, id)));
        }
        view.row(Button.callback(t.label(draft.button() == null ? "admin.broadcast.add_button" : "admin.broadcast.change_button"),
                CallbackData.of(Action.BROADCAST_BUTTON, id)));
        ix.sendNew(view.row(Button.callback(t.label("admin.broadcast.cancel"), CallbackData.of(Action.BROADCAST_CANCEL, id))));
    }

    /** "Keys running out within 7 days"; the other audiences by their name. */
    static String audienceName(Texts t, Audience audience, int days) {
        return audience.takesDays() ? t.plural("unit.keys_expiring_within", days) : t.label(audienceKey(audience));
    }

    void confirm(Interaction ix, long id) {
        Broadcast broadcast = broadcasts.confirm(ix.userId(), id);
        LOG.info("admin {} started broadcast {} to {}", ix.userId(), id, broadcast.audience());
        ix.toast(ix.texts().label("admin.broadcast.started"));
        show(ix, broadcast);
    }

    void cancel(Interaction ix, long id) {
        Broadcast broadcast = broadcasts.cancel(ix.userId(), id);
        LOG.info("admin {} cancelled broadcast {} ({} sent so far)", ix.userId(), id, broadcast.sent());
        show(ix, broadcast);
    }

    void progress(Interaction ix, long id) {
        show(ix, broadcasts.progress(ix.userId(), id));
    }

    private void show(Interaction ix, Broadcast b) {
        Texts t = ix.texts();
        String status = t.label("admin.broadcast.status." + b.status().name().toLowerCase(Locale.ROOT));
        View view = View.of(t.html("admin.broadcast.progress", b.id(), audienceName(t, b.audience(), b.withinDays()), status,
                b.sent(), b.blocked(), b.failed()));
        switch (b.status()) {
            case DRAFT -> view.row(Button.callback(t.label("admin.broadcast.send_draft"), CallbackData.of(Action.BROADCAST_CONFIRM, b.id())))
                    .row(Button.callback(t.label("admin.broadcast.add_button"), CallbackData.of(Action.BROADCAST_BUTTON, b.id())))
                    .row(Button.callback(t.label("admin.broadcast.cancel"), CallbackData.of(Action.BROADCAST_CANCEL, b.id())));
            case SENDING -> view.row(Button.callback(t.label("admin.broadcast.refresh"), CallbackData.of(Action.BROADCAST_PROGRESS, b.id())))
                    .row(Button.callback(t.label("admin.broadcast.stop"), CallbackData.of(Action.BROADCAST_CANCEL, b.id())));
            case DONE, CANCELLED -> { }
        }
        ix.show(view.row(AdminHome.back(t)));
    }

    /** What the author reads when the last batch has gone out. */
    public static View report(Texts t, Broadcast broadcast) {
        return View.of(t.html("admin.broadcast.report", broadcast.id(), audienceName(t, broadcast.audience(), broadcast.withinDays()),
                broadcast.sent(), broadcast.blocked(), broadcast.failed())).row(AdminHome.back(t));
    }

    /** The text key naming an audience. */
    public static String audienceKey(Audience audience) {
        return "admin.broadcast.audience." + audience.name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the admin sent as a broadcast: a text, or a photo with its caption. Telegram takes
     * photos of at most 10 MB; an image sent as a file is not a photo Telegram can resend.
     */
    record BroadcastDraftInput(String text, String photo, Problem problem) {
        static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;

        /** Why nothing was prepared, with the arguments of its text. */
        record Problem(String key, Object... args) {
            String explain(Texts t) {
                return t.html(key, args);
            }
        }

        static BroadcastDraftInput of(Message message) {
            if (message.hasPhoto()) {
                PhotoSize largest = message.getPhoto().stream()
                        .max(java.util.Comparator.comparingLong(p -> p.getFileSize() == null ? 0 : p.getFileSize())).orElseThrow();
                long bytes = largest.getFileSize() == null ? 0 : largest.getFileSize();
                if (bytes > MAX_PHOTO_BYTES) return failed("admin.broadcast.photo_too_large", mb(bytes), mb(MAX_PHOTO_BYTES));
                String caption = message.getCaption() == null ? "" : message.getCaption().strip();
                if (caption.isEmpty()) return failed("admin.broadcast.photo_needs_caption");
                if (caption.length() > Broadcast.MAX_CAPTION_LENGTH) {
                    return failed("admin.broadcast.caption_too_long", caption.length(), Broadcast.MAX_CAPTION_LENGTH);
                }
                return new BroadcastDraftInput(caption, largest.getFileId(), null);
            }
            if (message.hasDocument()) {
                Long size = message.getDocument().getFileSize();
                if (size != null && size > MAX_PHOTO_BYTES) return failed("admin.broadcast.photo_too_large", mb(size), mb(MAX_PHOTO_BYTES));
                return failed("admin.broadcast.file_not_photo");
            }
            String text = message.hasText() ? message.getText().strip() : "";
            if (text.isEmpty()) return failed("admin.error.text_only");
            if (text.length() > Broadcast.MAX_TEXT_LENGTH) return failed("admin.broadcast.too_long", text.length(), Broadcast.MAX_TEXT_LENGTH);
            return new BroadcastDraftInput(text, null, null);
        }

        private static BroadcastDraftInput failed(String key, Object... args) {
            return new BroadcastDraftInput(null, null, new Problem(key, args));
        }

        private static String mb(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
        }
    }
}
