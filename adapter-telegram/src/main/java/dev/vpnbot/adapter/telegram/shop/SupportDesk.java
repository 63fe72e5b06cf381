package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Support: the user writes one message, which reaches the support chat (or every admin) with
 * who sent it and their keys; a support member answers by replying to that message, and the
 * bot delivers the answer to the user. The ticket names the user as {@code #id<telegram id>}
 * at its very top, so the reply finds its way back without any extra storage.
 */
final class SupportDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SupportDesk.class);
    /** The first such tag in a ticket is ours: the user's own text comes after the header. */
    private static final Pattern TICKET_TAG = Pattern.compile("#id(\\d{1,19})");
    private static final int MAX_TICKET_KEYS = 10;
    /** Leaves room for the header within Telegram's 4096 characters. */
    private static final int MAX_RELAYED_TEXT = 3000;

    private final ShopSettings settings;
    private final Outbox sender;
    private final ShowMyKeysUseCase myKeys;
    private final FindUserUseCase users;
    private final Conversations conversations;
    private final MainMenu menu;

    SupportDesk(ShopSettings settings, Outbox sender, ShowMyKeysUseCase myKeys, FindUserUseCase users,
                Conversations conversations, MainMenu menu) {
        this.settings = settings;
        this.sender = sender;
        this.myKeys = myKeys;
        this.users = users;
        this.conversations = conversations;
        this.menu = menu;
    }

    void open(Interaction ix) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.support());
        ix.show(View.of(t.html("support.ask"))
                .row(Button.callback(t.label("support.cancel"), CallbackData.of(Action.SUPPORT_CANCEL))));
    }

    /** Support about one key: the ticket carries the key's diagnosis ({@code verdict}, a DiagnoseKeyUseCase.Verdict name). */
    void openAbout(Interaction ix, dev.vpnbot.domain.key.KeyId key, String verdict) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), new Conversation(Conversation.Step.SUPPORT, key.value(), verdict));
        ix.show(View.of(t.html("support.ask"))
                .row(Button.callback(t.label("support.cancel"), CallbackData.of(Action.SUPPORT_CANCEL))));
    }

    void cancel(Interaction ix) {
        menu.show(ix);
    }

    /** The user's message while the support step is open. */
    void received(Interaction ix, Message message) {
        Texts t = ix.texts();
        String text = message.hasText() ? message.getText() : message.getCaption();
        if (text == null || text.isBlank()) {
            ix.sendNew(View.of(t.html("support.text_only"))
                    .row(Button.callback(t.label("support.cancel"), CallbackData.of(Action.SUPPORT_CANCEL))));
            return;
        }
        Set<Long> destinations = settings.supportDestinations();
        Optional<Conversation> about = conversations.of(ix.chatId()).filter(c -> c.id() > 0 && !c.choice().isEmpty());
        conversations.clear(ix.chatId());
        if (destinations.isEmpty()) {
            LOG.warn("support message from user {} has nowhere to go: set a support chat or admin ids", ix.userId());
            ix.sendNew(View.of(t.html("support.unavailable")).row(MainMenu.back(t)));
            return;
        }
        List<KeyOverview> keys = myKeys.myKeys(ix.userId());
        for (long chat : destinations) {
            Reader reader = reader(chat);
            String withDiagnosis = about.map(c -> reader.texts().label("support.diagnosis", c.id(),
                    reader.texts().label("doctor.verdict." + c.choice().toLowerCase(java.util.Locale.ROOT))) + "\n\n").orElse("") + text;
            String ticket = ticket(reader, ix.user(), keys, withDiagnosis);
            sender.send(chat, SendMessage.builder().chatId(chat).text(ticket).parseMode(ParseMode.HTML).build());
        }
        ix.sendNew(View.of(t.html("support.sent")).row(MainMenu.back(t)));
    }

    /**
     * A message from the support side: from the support chat, or from an admin's private chat
     * when there is none. Only replies to one of our tickets are relayed; the rest is chatter.
     */
    boolean isFromSupportSide(Message message) {
        long chatId = message.getChatId();
        if (settings.supportChatId() != null && chatId == settings.supportChatId()) return true;
        return message.getFrom() != null && settings.isAdmin(message.getFrom().getId()) && isReplyToTicket(message);
    }

    void relayReply(Message message) {
        Optional<UserId> userId = ticketAuthor(message);
        if (userId.isEmpty()) return; // chatter in the support chat
        long supportChat = message.getChatId();
        Texts supportTexts = reader(supportChat).texts();
        String answer = message.hasText() ? message.getText() : message.getCaption();
        if (answer == null || answer.isBlank()) {
            reply(supportChat, message, supportTexts.html("support.reply_text_only"));
            return;
        }
        Optional<User> user = users.find(userId.get());
        Texts t = Texts.of(user.map(User::language).orElse(settings.defaultLanguage()));
        long userChat = userId.get().telegramId();
        sender.send(userChat, Interaction.message(userChat, View.of(t.html("support.answer", clip(answer)))
                .row(Button.callback(t.label("support.write_again"), CallbackData.of(Action.SUPPORT)))
                .row(MainMenu.back(t))));
        reply(supportChat, message, supportTexts.html("support.delivered", user.map(SupportDesk::who).orElse("#id" + userChat)));
        LOG.info("support answer relayed to user {}", userChat);
    }

    private boolean isReplyToTicket(Message message) {
        return ticketAuthor(message).isPresent();
    }

    private static Optional<UserId> ticketAuthor(Message message) {
        Message original = message.getReplyToMessage();
        if (original == null || original.getFrom() == null || !Boolean.TRUE.equals(original.getFrom().getIsBot())) return Optional.empty();
        String text = original.hasText() ? original.getText() : original.getCaption();
        if (text == null) return Optional.empty();
        Matcher m = TICKET_TAG.matcher(text);
        if (!m.find()) return Optional.empty();
        try {
            return Optional.of(new UserId(Long.parseLong(m.group(1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Who reads a ticket: an admin in their own chat (their language and zone), else the operator's defaults. */
    private record Reader(Texts texts, ZoneId zone) {}

    private Reader reader(long chat) {
        Optional<User> admin = settings.supportChatId() != null && chat == settings.supportChatId()
                ? Optional.empty() : users.find(new UserId(chat));
        return new Reader(Texts.of(admin.map(User::language).orElse(settings.defaultLanguage())),
                admin.map(a -> a.zoneOr(settings.defaultZone())).orElse(settings.defaultZone()));
    }

    private static String ticket(Reader reader, User user, List<KeyOverview> keys, String text) {
        Texts t = reader.texts();
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (KeyOverview key : keys) {
            if (++n > MAX_TICKET_KEYS) {
                lines.append(t.html("keys.more", keys.size() - MAX_TICKET_KEYS)).append('\n');
                break;
            }
            lines.append(t.html("support.ticket.key", key.key().id().value(), key.serverName(), statusInWords(t, key),
                    t.date(key.key().expiresAt(), reader.zone()), t.remaining(key.remaining()))).append('\n');
        }
        if (keys.isEmpty()) lines.append(t.html("support.ticket.no_keys")).append('\n');
        return t.htmlRaw("support.ticket", user.id().telegramId(), Html.escape(who(user)), user.language().name().toLowerCase(Locale.ROOT),
                lines.toString().strip(), Html.escape(clip(text)));
    }

    /** "active", "expired", "switched off"… in the reader's language: an ACTIVE key past its date is expired to a human. */
    static String statusInWords(Texts t, KeyOverview key) {
        if (key.key().status() == KeyStatus.ACTIVE && key.remaining().isOver()) return t.label("admin.key_status.expired");
        return t.label("admin.key_status." + key.key().status().name().toLowerCase(Locale.ROOT));
    }

    private static String clip(String text) {
        return text.length() > MAX_RELAYED_TEXT ? text.substring(0, MAX_RELAYED_TEXT) + "…" : text;
    }

    private static String who(User user) {
        String name = user.firstName().isBlank() ? "—" : user.firstName();
        return user.username() == null ? name : name + " (@" + user.username() + ")";
    }

    private void reply(long chat, Message to, String html) {
        sender.send(chat, SendMessage.builder().chatId(chat).text(html).parseMode(ParseMode.HTML)
                .replyToMessageId(to.getMessageId()).build());
    }
}
