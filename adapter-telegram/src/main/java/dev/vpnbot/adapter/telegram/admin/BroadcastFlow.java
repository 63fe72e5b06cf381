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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A broadcast (admins): choose the audience → write the text → preview with the number of
 * recipients → send or cancel → progress with a refresh button; the final {@link #report} goes
 * out through the broadcast channel when the scheduler has sent the last batch. Users get the
 * text exactly as written (no markup), and the preview shows it that way.
 */
public final class BroadcastFlow {
    private static final Logger LOG = LoggerFactory.getLogger(BroadcastFlow.class);

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
        ix.show(View.of(t.html("admin.broadcast.ask_text", t.label(audienceKey(audience)), Broadcast.MAX_TEXT_LENGTH))
                .row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST))));
    }

    /** The text: stored as a draft, and the preview shown with the number of recipients. */
    void received(Interaction ix, Message message, Conversation c) {
        Texts t = ix.texts();
        Audience audience;
        try {
            audience = Audience.valueOf(c.choice());
        } catch (IllegalArgumentException e) {
            audiences(ix); // a state from another version
            return;
        }
        String text = message.hasText() ? message.getText() : null;
        if (text == null || text.isBlank() || text.strip().length() > Broadcast.MAX_TEXT_LENGTH) {
            String problem = text == null || text.isBlank() ? t.html("admin.error.text_only")
                    : t.html("admin.broadcast.too_long", text.strip().length(), Broadcast.MAX_TEXT_LENGTH);
            ix.sendNew(View.of("⚠️ " + problem + "\n\n" + t.html("admin.broadcast.ask_text", t.label(audienceKey(audience)), Broadcast.MAX_TEXT_LENGTH))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.BROADCAST))));
            return;
        }
        Preview preview = broadcasts.prepare(new PrepareBroadcastCommand(ix.userId(), text, audience));
        conversations.clear(ix.chatId());
        long id = preview.draft().id();
        View view = View.of(t.html("admin.broadcast.preview", id, t.label(audienceKey(audience)), preview.recipients())
                + "\n\n" + Html.escape(preview.draft().text()));
        if (preview.recipients() > 0) {
            view.row(Button.callback(t.label("admin.broadcast.send", preview.recipients()), CallbackData.of(Action.BROADCAST_CONFIRM, id)));
        }
        ix.show(view.row(Button.callback(t.label("admin.broadcast.cancel"), CallbackData.of(Action.BROADCAST_CANCEL, id))));
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
        View view = View.of(t.html("admin.broadcast.progress", b.id(), t.label(audienceKey(b.audience())), status,
                b.sent(), b.blocked(), b.failed()));
        switch (b.status()) {
            case DRAFT -> view.row(Button.callback(t.label("admin.broadcast.send_draft"), CallbackData.of(Action.BROADCAST_CONFIRM, b.id())))
                    .row(Button.callback(t.label("admin.broadcast.cancel"), CallbackData.of(Action.BROADCAST_CANCEL, b.id())));
            case SENDING -> view.row(Button.callback(t.label("admin.broadcast.refresh"), CallbackData.of(Action.BROADCAST_PROGRESS, b.id())))
                    .row(Button.callback(t.label("admin.broadcast.stop"), CallbackData.of(Action.BROADCAST_CANCEL, b.id())));
            case DONE, CANCELLED -> { }
        }
        ix.show(view.row(AdminHome.back(t)));
    }

    /** What the author reads when the last batch has gone out. */
    public static View report(Texts t, Broadcast broadcast) {
        return View.of(t.html("admin.broadcast.report", broadcast.id(), t.label(audienceKey(broadcast.audience())),
                broadcast.sent(), broadcast.blocked(), broadcast.failed())).row(AdminHome.back(t));
    }

    /** The text key naming an audience. */
    public static String audienceKey(Audience audience) {
        return "admin.broadcast.audience." + audience.name().toLowerCase(Locale.ROOT);
    }
}
